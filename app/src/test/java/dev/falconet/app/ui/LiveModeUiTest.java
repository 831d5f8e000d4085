package dev.falconet.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falconet.lab.sensor.HostSensor;
import dev.falconet.lab.sensor.LiveSensors;
import dev.falconet.output.Alert;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;

/**
 * Live mode on this machine, through the real plumbing ({@link HostSensor}: token file, loopback receiver,
 * process, stderr stats) with a stand-in launcher that speaks the sensor's protocol, since the test cannot
 * answer pkexec's dialog.
 */
class LiveModeUiTest extends UiTestBase {
    private static final String ALERT = "{\"hostname\":\"lab\",\"output\":\"16:00:00.000000000: Warning Sensitive file opened\","
            + "\"priority\":\"Warning\",\"rule\":\"Read sensitive file untrusted\",\"source\":\"syscall\",\"tags\":[\"filesystem\"],"
            + "\"time\":\"2026-12-03T16:00:00.000000000Z\",\"output_fields\":{\"proc.name\":\"cat\",\"fd.name\":\"/etc/shadow\"}}";

    @Override
    protected LiveSensors liveSensors() {
        return new LiveSensors() {
            @Override
            public AutoCloseable startHost(List<Path> rules, HostSensor.Listener listener) {
                try {
                    Path dir = Files.createTempDirectory("falconet-live");
                    return HostSensor.start(List.of(), fakeSensor(dir), List.of(dir.resolve("rules.yaml")), dir.resolve("sensor.token"), listener);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public AutoCloseable followCluster(Consumer<Alert> alerts, Consumer<String> problems) {
                throw new dev.falconet.lab.LabException("minikube is not running");
            }
        };
    }

    private static Path fakeSensor(Path dir) throws IOException {
        Path script = dir.resolve("falconet");
        Files.writeString(script, """
                #!/usr/bin/env bash
                url=""; tf=""
                while [ $# -gt 0 ]; do case "$1" in --http-url) url="$2"; shift;; --http-token-file) tf="$2"; shift;; esac; shift; done
                port="${url##*:}"; port="${port%/}"
                echo "falconet: sensor attached and READY (42 syscalls traced, until Ctrl-C or end of input)" >&2
                echo "falconet stats: captured 1200 ev/s, evaluated 1100 ev/s, dropped 3 (1 ev/s), alerts 1 | totals: captured 2400, evaluated 2200, dropped 7, alerts 1" >&2
                body='BODY'
                exec 3<>/dev/tcp/127.0.0.1/$port
                printf 'POST / HTTP/1.1\\r\\nHost: 127.0.0.1\\r\\nAuthorization: Bearer %s\\r\\nContent-Type: application/json\\r\\nContent-Length: %d\\r\\nConnection: close\\r\\n\\r\\n%s' "$(cat "$tf")" "${#body}" "$body" >&3
                cat <&3 >/dev/null
                cat >/dev/null
                """.replace("BODY", ALERT));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    @Test
    void theSensorOnThisMachineFeedsTheAlertsAndTheLabShowsItsState() {
        click("nav-lab");
        click("lab-sensor-host");
        waitFor("the live alert", () -> context.session().alerts().stream().anyMatch(a -> a.rule().equals("Read sensitive file untrusted")));
        Label mode = node(robot, "lab-sensor-mode");
        assertThat(mode.getText()).isEqualTo("Mode: sensor on this machine");
        Label rate = node(robot, "lab-sensor-rate");
        waitFor("the stats", () -> rate.getText().equals("1100 events/s"));
        Label drops = node(robot, "lab-sensor-drops");
        assertThat(drops.getText()).isEqualTo("Drops: 7");
        Label status = node(robot, "status-mode");
        assertThat(status.getText()).isEqualTo("Live: this machine");

        click("lab-sensor-replay");
        assertThat(mode.getText()).isEqualTo("Mode: replay");
        assertThat(context.sensor().liveProperty().get()).isFalse();
    }
}
