package dev.falconet.lab.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.falconet.lab.process.ToolLocator;
import dev.falconet.output.Alert;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host sensor's plumbing, with a stand-in launcher (a bash script) that behaves like the sensor on the
 * wire: READY and stats on stderr, one alert POSTed to the loopback URL with the token read from the file,
 * then running until its input closes.
 */
class HostSensorTest {
    @TempDir
    Path dir;

    private static final String ALERT = "{\"hostname\":\"lab\",\"output\":\"Sensitive file opened\",\"priority\":\"Warning\","
            + "\"rule\":\"Read sensitive file untrusted\",\"source\":\"syscall\",\"tags\":[\"filesystem\"],"
            + "\"time\":\"2026-12-03T16:00:00.000000000Z\",\"output_fields\":{\"proc.name\":\"cat\",\"fd.name\":\"/etc/shadow\"}}";

    private Path fakeSensor() throws Exception {
        Path script = dir.resolve("falconet");
        Files.writeString(script, """
                #!/usr/bin/env bash
                url=""; tf=""
                while [ $# -gt 0 ]; do case "$1" in --http-url) url="$2"; shift;; --http-token-file) tf="$2"; shift;; esac; shift; done
                port="${url##*:}"; port="${port%/}"
                echo "falconet: sensor attached and READY (42 syscalls traced, until Ctrl-C or end of input)" >&2
                echo "falconet stats: captured 1200 ev/s, evaluated 1100 ev/s, dropped 3 (1 ev/s), alerts 1 | totals: captured 2400, evaluated 2200, dropped 7, alerts 1" >&2
                body='BODY'
                for token in wrong "$(cat "$tf")"; do
                  exec 3<>/dev/tcp/127.0.0.1/$port
                  printf 'POST / HTTP/1.1\\r\\nHost: 127.0.0.1\\r\\nAuthorization: Bearer %s\\r\\nContent-Type: application/json\\r\\nContent-Length: %d\\r\\nConnection: close\\r\\n\\r\\n%s' "$token" "${#body}" "$body" >&3
                  cat <&3 >/dev/null
                  exec 3<&-
                done
                cat >/dev/null
                echo "falconet: sensor stopped after 1.0 s" >&2
                """.replace("BODY", ALERT));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    @Test
    void alertsArriveOverLoopbackWithTheTokenAndClosingStopsTheSensor() throws Exception {
        List<Alert> alerts = new CopyOnWriteArrayList<>();
        List<SensorStatsLine> stats = new CopyOnWriteArrayList<>();
        List<String> notices = new CopyOnWriteArrayList<>();
        CountDownLatch ready = new CountDownLatch(1);
        AtomicInteger exit = new AtomicInteger(-1);
        CountDownLatch exited = new CountDownLatch(1);
        Path tokenFile = dir.resolve("config/sensor.token");
        HostSensor sensor = HostSensor.start(List.of(), fakeSensor(), List.of(dir.resolve("rules.yaml")), tokenFile, new HostSensor.Listener() {
            @Override public void alert(Alert a) { alerts.add(a); }
            @Override public void ready(String line) { ready.countDown(); }
            @Override public void stats(SensorStatsLine s) { stats.add(s); }
            @Override public void notice(String line) { notices.add(line); }
            @Override public void exited(int code) { exit.set(code); exited.countDown(); }
        });
        assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
        waitFor(() -> alerts.size() == 1 && sensor.rejected() == 1);
        assertThat(alerts.getFirst().rule()).isEqualTo("Read sensitive file untrusted");
        assertThat(stats).containsExactly(new SensorStatsLine(1200, 1100, 7, 1));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile))).isEqualTo("rw-------");
        assertThat(sensor.commandLine()).contains("--http-token-file " + tokenFile.toAbsolutePath()).contains("--stop-on-eof")
                .contains("--http-url http://127.0.0.1:" + sensor.port() + "/").doesNotContain(Files.readString(tokenFile).strip());
        assertThat(sensor.running()).isTrue();

        sensor.close();
        assertThat(exited.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(exit.get()).isZero();
        assertThat(notices).contains("falconet: sensor stopped after 1.0 s");
    }

    @Test
    void rootNeedsNoElevationOthersUsePkexecThenSudo() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        ToolLocator none = new ToolLocator(List.of(bin));
        assertThat(HostSensor.elevation(none, true)).isEmpty();
        assertThatThrownBy(() -> HostSensor.elevation(none, false)).hasMessageContaining("neither pkexec nor sudo");
        for (String tool : List.of("sudo", "pkexec")) {
            Path f = Files.writeString(bin.resolve(tool), "#!/bin/sh\n");
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwx------"));
        }
        assertThat(HostSensor.elevation(none, false)).containsExactly("pkexec");
        Files.delete(bin.resolve("pkexec"));
        assertThat(HostSensor.elevation(none, false)).containsExactly("sudo", "-n");
    }

    @Test
    void statsLinesParseAndOtherLinesDoNot() {
        assertThat(SensorStatsLine.parse("falconet stats: captured 98039 ev/s, evaluated 98000 ev/s, dropped 0 (0 ev/s), alerts 0"
                + " | totals: captured 399647, evaluated 399558, dropped 12, alerts 5")).contains(new SensorStatsLine(98039, 98000, 12, 5));
        assertThat(SensorStatsLine.parse("falconet: sensor attached and READY")).isEmpty();
    }

    private static void waitFor(BooleanSupplier c) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!c.getAsBoolean() && System.nanoTime() < end) Thread.sleep(20);
        assertThat(c.getAsBoolean()).isTrue();
    }
}
