package dev.falconet.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SensorCommandTest {
    private record Run(int exit, String err) {}

    private static Run run(String... args) {
        var cl = FalconetCli.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        int exit = cl.execute(args);
        return new Run(exit, err.toString());
    }

    @Test
    void badArgumentsAreUsageErrorsWithTheFix() {
        Run d = run("sensor", "-r", "x.yaml", "--duration", "soon");
        assertThat(d.exit).isEqualTo(FalconetCli.EXIT_USAGE);
        assertThat(d.err).contains("--duration: 'soon' is not a time (use e.g. 30s, 500ms, 2m)");
        Run r = run("sensor", "-r", "x.yaml", "--ring-size", "3M");
        assertThat(r.exit).isEqualTo(FalconetCli.EXIT_USAGE);
        assertThat(r.err).contains("must be a power of two");
        Run e = run("sensor", "-r", "x.yaml", "-e", "nosuchcall");
        assertThat(e.exit).isEqualTo(FalconetCli.EXIT_USAGE);
        assertThat(e.err).contains("cannot trace event type 'nosuchcall'");
    }

    @Test
    void runsForTheGivenDurationAndStopsCleanly() {
        java.util.Optional<dev.falconet.sensor.bpf.Preflight.Problem> p = dev.falconet.sensor.bpf.Preflight.check();
        org.junit.jupiter.api.Assumptions.assumeTrue(p.isEmpty(), () -> "live sensor skipped: " + p.get().message());
        java.nio.file.Path rules = dev.falconet.testing.SharedMaterial.upstreamRules().resolve("falco_rules.yaml");
        long t0 = System.nanoTime();
        Run r = run("sensor", "-r", rules.toString(), "--no-stdout", "--duration", "1s", "--stats", "1s");
        assertThat(r.exit).as(r.err).isZero();
        assertThat((System.nanoTime() - t0) / 1e9).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void helpListsTheOptions() {
        var cl = FalconetCli.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        assertThat(cl.execute("sensor", "--help")).isZero();
        assertThat(out.toString()).contains("--rules", "--record", "--stats", "--duration", "--ring-size", "--json");
    }

    @Test
    void durationsAndSizes() {
        assertThat(Durations.parse("30s", "--x")).isEqualTo(30_000_000_000L);
        assertThat(Durations.parse("500ms", "--x")).isEqualTo(500_000_000L);
        assertThat(Durations.parse("2m", "--x")).isEqualTo(120_000_000_000L);
        assertThat(Durations.parse("5", "--x")).isEqualTo(5_000_000_000L);
        assertThat(Durations.parseSize("16M", "--x")).isEqualTo(16L << 20);
        assertThat(Durations.parseSize("64MiB", "--x")).isEqualTo(64L << 20);
        assertThatThrownBy(() -> Durations.parse("0s", "--x")).hasMessageContaining("more than zero");
    }

    @Test
    void stopsWhenItsInputClosesWithStopOnEof() {
        java.util.Optional<dev.falconet.sensor.bpf.Preflight.Problem> p = dev.falconet.sensor.bpf.Preflight.check();
        org.junit.jupiter.api.Assumptions.assumeTrue(p.isEmpty(), () -> "live sensor skipped: " + p.get().message());
        java.nio.file.Path rules = dev.falconet.testing.SharedMaterial.upstreamRules().resolve("falco_rules.yaml");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isRegularFile(rules), "upstream rules absent");
        SensorCommand cmd = new SensorCommand();
        cmd.stdin = new java.io.ByteArrayInputStream(new byte[0]);
        var cl = new picocli.CommandLine(cmd);
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        long t0 = System.nanoTime();
        int exit = cl.execute("-r", rules.toString(), "--no-stdout", "--stop-on-eof", "--duration", "60s");
        assertThat(exit).isZero();
        assertThat((System.nanoTime() - t0) / 1e9).as("stopped at end of input, long before --duration").isLessThan(45);
    }

    @Test
    void aReloadLineOnItsInputReloadsTheRulesAndSaysWhatItLoaded(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.util.Optional<dev.falconet.sensor.bpf.Preflight.Problem> p = dev.falconet.sensor.bpf.Preflight.check();
        org.junit.jupiter.api.Assumptions.assumeTrue(p.isEmpty(), () -> "live sensor skipped: " + p.get().message());
        java.nio.file.Path rules = dir.resolve("rules.yaml");
        String rule = "- rule: R%d\n  desc: d\n  condition: evt.type = execve and proc.name = nosuch%d\n  output: o\n  priority: INFO\n";
        java.nio.file.Files.writeString(rules, rule.formatted(1, 1));
        SensorCommand cmd = new SensorCommand();
        // the reload line comes once the rules were changed; the end of input then stops the sensor
        java.nio.file.Path input = dir.resolve("input");
        java.nio.file.Files.writeString(input, "reload\n");
        cmd.stdin = new java.io.SequenceInputStream(new java.io.InputStream() {
            @Override
            public int read() {
                try {
                    java.nio.file.Files.writeString(rules, rule.formatted(2, 2) + rule.formatted(3, 3));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return -1;
            }
        }, java.nio.file.Files.newInputStream(input));
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        java.io.PrintStream saved = System.err;
        int exit;
        // the sensor prints its notices on the process's stderr
        System.setErr(new java.io.PrintStream(captured, true));
        try {
            exit = new picocli.CommandLine(cmd).execute("-r", rules.toString(), "--no-stdout", "--stop-on-eof", "--duration", "60s");
        } finally {
            System.setErr(saved);
        }
        assertThat(exit).isZero();
        assertThat(captured.toString()).contains("falconet: RELOADED rules=2 macros=0 lists=0 files=" + rules + " events=+0");
    }
}
