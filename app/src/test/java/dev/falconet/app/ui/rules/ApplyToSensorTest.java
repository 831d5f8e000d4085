package dev.falconet.app.ui.rules;

import static dev.falconet.app.ui.TestThreads.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.falconet.app.ui.TestThreads;
import dev.falconet.app.ui.UiThreads;
import dev.falconet.app.ui.shell.SensorViewModel;
import dev.falconet.app.ui.shell.SessionViewModel;
import dev.falconet.engine.EngineOptions;
import dev.falconet.lab.LabException;
import dev.falconet.lab.sensor.HostSensor;
import dev.falconet.lab.sensor.LiveSensors;
import dev.falconet.output.Alert;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Apply to sensor" end to end through a stand-in sensor process (a bash script speaking the sensor's stdin/stderr
 * protocol): the editor's text lands in the file the sensor loads, the sensor is asked to reload, and its answer
 * (what it actually loaded, or the error that made it keep its rules) is what the page shows.
 */
class ApplyToSensorTest {
    @TempDir
    Path dir;

    private final UiThreads threads = TestThreads.direct();
    private final SessionViewModel session = new SessionViewModel(threads, EngineOptions.defaults(), 0);

    @AfterEach
    void close() {
        threads.close();
    }

    private static final String RULE = "- rule: Shell in lab\n  desc: d\n  condition: evt.type = execve and proc.name = bash\n"
            + "  output: \"shell %proc.name\"\n  priority: WARNING\n";

    /** Answers each 'reload' like the sensor: counts the rules of the last -r file; a file saying 'broken' fails. */
    private Path standInSensor() throws Exception {
        Path script = dir.resolve("falconet");
        Files.writeString(script, """
                #!/usr/bin/env bash
                last=""
                while [ $# -gt 0 ]; do case "$1" in -r) last="$2"; shift;; esac; shift; done
                echo "falconet: sensor attached and READY (42 syscalls traced, until Ctrl-C or end of input)" >&2
                while read -r line; do
                  [ "$line" = reload ] || continue
                  if grep -q broken "$last"; then echo "falconet: RELOAD FAILED: 1 errors: $last:3:14: error LOAD_ERR_COMPILE_CONDITION: broken" >&2
                  else echo "falconet: RELOADED rules=$(grep -c -- '- rule:' "$last") macros=0 lists=0 files=$last events=+0" >&2; fi
                done
                """);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    @Test
    void theEditorsRulesGoToTheRunningSensorAndThePageShowsWhatItLoaded() throws Exception {
        Path launcher = standInSensor();
        Path editable = dir.resolve("config").resolve(LiveSensors.EDITOR_RULES);
        LiveSensors sensors = new LiveSensors() {
            @Override
            public AutoCloseable startHost(List<Path> rules, HostSensor.Listener l) {
                return HostSensor.start(List.of(), launcher, rules, editable, dir.resolve("config/sensor.token"), l);
            }

            @Override
            public AutoCloseable followCluster(Consumer<Alert> alerts, Consumer<String> problems) {
                throw new LabException("no cluster in this test");
            }
        };
        SensorViewModel sensor = new SensorViewModel(threads, session, sensors, () -> List.of(dir.resolve("base.yaml")));
        RulesViewModel vm = new RulesViewModel(threads, EngineOptions.defaults(), sensor);
        vm.textProperty().set(RULE);
        vm.validate();
        assertThat(vm.applyEnabledProperty().get()).as("no live sensor yet").isFalse();
        assertThat(vm.applyMessageProperty().get().key()).isEqualTo("rules.apply.none");

        sensor.startHost();
        try {
            await(() -> sensor.rulesApplicableProperty().get(), "the sensor to start");
            assertThat(Files.readString(editable)).as("created empty before the first apply").doesNotContain("rule:");
            assertThat(vm.applyEnabledProperty().get()).isTrue();

            vm.applyToSensor();
            await(() -> vm.applyMessageProperty().get().key().equals("rules.apply.reloaded"), "the sensor's answer");
            assertThat(Files.readString(editable)).isEqualTo(RULE);
            assertThat(vm.applyMessageProperty().get().args().getFirst().toString())
                    .isEqualTo("rules=1 macros=0 lists=0 files=" + editable.toAbsolutePath() + " events=+0");

            // while the text has errors it cannot be applied; a sensor that refuses keeps its rules and says why
            vm.textProperty().set(RULE.replace("proc.name = bash", "proc.nmae = bash"));
            vm.validate();
            assertThat(vm.applyEnabledProperty().get()).isFalse();
            sensor.applyRules(RULE + "# broken\n");
            await(() -> vm.applyMessageProperty().get().key().equals("rules.apply.failed"), "the refusal");
            assertThat(vm.applyMessageProperty().get().args().getFirst().toString()).contains(":3:14: error");
        } finally {
            sensor.useReplay();
        }
        await(() -> !sensor.rulesApplicableProperty().get(), "the sensor to stop");
        assertThat(vm.applyEnabledProperty().get()).isFalse();
    }
}
