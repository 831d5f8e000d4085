package dev.falconet.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falconet.event.Event;
import dev.falconet.testing.SharedMaterial;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Streams (the app's packaged captures) are told apart by their first bytes, like files. */
class EventSourceStreamTest {
    @Test
    void scapFromAStreamGivesTheSameEventsAsFromTheFile() throws IOException {
        Path scap = SharedMaterial.require("captures/scap/falco_test_trace_files_cat_write.scap");
        long fromFile = count(EventSource.open(scap));
        try (InputStream in = Files.newInputStream(scap)) {
            assertThat(count(EventSource.open(in, scap.getFileName().toString()))).isEqualTo(fromFile).isPositive();
        }
    }

    @Test
    void jsonLinesFromAStream() throws IOException {
        Path capture = Path.of("src/test/resources/fixtures/falconet/read-sensitive-file-untrusted/positive.jsonl");
        try (InputStream in = Files.newInputStream(capture)) {
            assertThat(count(EventSource.open(in, "positive.jsonl"))).isEqualTo(count(EventSource.open(capture))).isPositive();
        }
    }

    private static long count(EventSource s) {
        long n = 0;
        try (s) {
            for (Event e = s.next(); e != null; e = s.next()) n++;
        }
        return n;
    }
}
