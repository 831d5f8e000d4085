package dev.falconet.app.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falconet.app.ui.TestThreads;
import dev.falconet.app.ui.UiThreads;
import dev.falconet.engine.EngineOptions;
import dev.falconet.lab.LabException;
import dev.falconet.lab.sensor.HostSensor;
import dev.falconet.lab.sensor.LiveSensors;
import dev.falconet.lab.sensor.SensorStatsLine;
import dev.falconet.output.Alert;
import dev.falconet.output.AlertJsonParser;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SensorViewModelTest {
    private final UiThreads threads = TestThreads.direct();
    private final SessionViewModel session = new SessionViewModel(threads, EngineOptions.defaults(), 0);
    private final AtomicReference<HostSensor.Listener> listener = new AtomicReference<>();
    private final AtomicReference<List<Path>> rulesSeen = new AtomicReference<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    @AfterEach
    void close() {
        threads.close();
    }

    private SensorViewModel sensor(boolean hostFails) {
        LiveSensors sensors = new LiveSensors() {
            @Override
            public AutoCloseable startHost(List<Path> rules, HostSensor.Listener l) {
                if (hostFails) throw new LabException("the sensor needs root, and neither pkexec nor sudo is installed");
                rulesSeen.set(rules);
                listener.set(l);
                return () -> closed.set(true);
            }

            @Override
            public AutoCloseable followCluster(Consumer<Alert> alerts, Consumer<String> problems) {
                throw new LabException("minikube is not running");
            }
        };
        return new SensorViewModel(threads, session, sensors, () -> List.of(Path.of("rules/mine.yaml")));
    }

    @Test
    void theHostSensorFeedsTheSessionAndReportsItsRateAndDrops() throws Exception {
        SensorViewModel vm = sensor(false);
        vm.startHost();
        assertThat(vm.modeProperty().get()).isEqualTo(SensorViewModel.Mode.HOST);
        assertThat(vm.liveProperty().get()).isTrue();
        assertThat(rulesSeen.get()).containsExactly(Path.of("rules/mine.yaml"));
        listener.get().ready("falconet: sensor attached and READY");
        assertThat(vm.stateProperty().get().key()).isEqualTo("lab.sensor.state.host");
        listener.get().stats(new SensorStatsLine(1500, 1400, 3, 1));
        assertThat(vm.eventsPerSecondProperty().get()).isEqualTo(1400);
        assertThat(vm.dropsProperty().get()).isEqualTo(3);
        listener.get().alert(AlertJsonParser.parseIncoming("{\"output\":\"x\",\"priority\":\"Warning\",\"rule\":\"R\",\"time\":\"2026-12-03T16:00:00Z\","
                + "\"output_fields\":{\"proc.name\":\"cat\"}}"));
        assertThat(session.alerts()).extracting(Alert::rule).containsExactly("R");

        vm.useReplay();
        assertThat(closed).isTrue();
        assertThat(vm.modeProperty().get()).isEqualTo(SensorViewModel.Mode.REPLAY);
        assertThat(vm.eventsPerSecondProperty().get()).isNaN();
    }

    @Test
    void aRefusedPasswordDialogSaysSoAndFallsBackToReplay() {
        SensorViewModel vm = sensor(false);
        vm.startHost();
        listener.get().exited(126);
        assertThat(vm.modeProperty().get()).isEqualTo(SensorViewModel.Mode.REPLAY);
        assertThat(session.notices()).extracting(n -> n.message().key()).containsExactly("notify.sensor.denied");
    }

    @Test
    void failuresToStartOrConnectAreNotificationsWithTheReason() {
        SensorViewModel vm = sensor(true);
        vm.startHost();
        vm.connectCluster();
        assertThat(session.notices()).extracting(n -> n.message().key()).containsExactly("notify.sensor.hostfailed", "notify.sensor.clusterfailed");
        assertThat(session.notices().getFirst().message().args().getFirst().toString()).contains("neither pkexec nor sudo");
        assertThat(vm.modeProperty().get()).isEqualTo(SensorViewModel.Mode.REPLAY);
        assertThat(vm.busyProperty().get()).isFalse();
    }
}
