package dev.falconet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falconet.capture.CaptureReader;
import dev.falconet.event.Event;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** replay, convert and explain on a Falco .scap capture (told by its magic, not its name); replay --bench's line. */
class ScapCommandsTest {
    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        CommandLine cl = FalconetCli.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static Path capture(String name) {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path p = d.resolve("shared/captures/scap/" + name + ".scap");
            if (Files.isRegularFile(p)) return p;
        }
        Assumptions.assumeTrue(false, "../shared/captures/scap is absent: .scap command tests skipped");
        return null;
    }

    private Path rules() throws Exception {
        Path r = tmp.resolve("r.yaml");
        Files.writeString(r, """
                - rule: Open by cat
                  desc: test
                  condition: evt.type = open and proc.name = cat
                  output: "open %fd.name by %proc.name (evt.num=%evt.num)"
                  priority: NOTICE
                """);
        return r;
    }

    @Test
    void replayReadsScapWhateverItsName() throws Exception {
        Path copy = tmp.resolve("renamed.jsonl");
        Files.copy(capture("falco_test_trace_files_cat_write"), copy);
        Path alerts = tmp.resolve("alerts.txt");
        Run r = run("replay", "-r", rules().toString(), "-e", copy.toString(), "--no-stdout", "--file", alerts.toString());
        assertThat(r.code()).as(r.err()).isZero();
        String text = Files.readString(alerts);
        // cat opens 4 files (ld.so.cache, libc, locale-archive, /dev/null): Falco's old test counted 8 with enter events
        assertThat(text.lines().filter(l -> l.contains("by cat")).toList()).hasSize(4);
        assertThat(text).contains("open /dev/null by cat (evt.num=197)");
    }

    @Test
    void convertWritesOurFormatWithTheSameEvents() throws Exception {
        Path out = tmp.resolve("c.jsonl");
        Run r = run("convert", capture("libs_curl_google").toString(), "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("1536 events read, 599 written");
        List<Event> events;
        try (CaptureReader cr = CaptureReader.open(out)) {
            events = cr.readAll();
        }
        assertThat(events).hasSize(599);
        assertThat(events.getFirst().typeName()).isEqualTo("execve");
        assertThat(events.stream().filter(e -> e.typeName().equals("open") && e.fd() != null)
                .map(e -> e.fd().name())).contains("/etc/resolv.conf");
    }

    @Test
    void benchPrintsOneLine() throws Exception {
        Run r = run("replay", "-r", rules().toString(), "-e", capture("falco_test_trace_files_cat_write").toString(), "--bench",
                "--bench-passes", "2");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().strip()).matches("events=690 seconds=\\S+ events_per_s=\\d+ rule_evals_per_event=\\S+ wall_s=\\S+ matches=8 passes=2");
    }

    @Test
    void badScapIsOneLineWithTheOffset() throws Exception {
        Path bad = tmp.resolve("bad.scap");
        byte[] b = Files.readAllBytes(capture("falco_test_trace_files_cat_write"));
        Files.write(bad, java.util.Arrays.copyOf(b, b.length / 2));
        Run r = run("replay", "-r", rules().toString(), "-e", bad.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("falconet replay: " + bad + ": at byte ").doesNotContain("Exception");
    }

    @Test
    void explainReadsScap() throws Exception {
        Run r = run("explain", "-r", rules().toString(), "-e", capture("falco_test_trace_files_cat_write").toString(),
                "--rule", "Open by cat", "--event", "197");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("event 197 (open, cat): rule 'Open by cat' MATCHES");
    }
}
