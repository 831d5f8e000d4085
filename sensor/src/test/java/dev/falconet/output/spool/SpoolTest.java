package dev.falconet.output.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolTest {
    @TempDir
    Path dir;

    private static byte[] rec(int i) {
        return ("record-" + i).getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Spool.Entry e) {
        return new String(e.payload(), StandardCharsets.UTF_8);
    }

    @Test
    void handsOutRecordsInOrderAndMovesOnOnlyWhenDone() throws Exception {
        try (Spool s = Spool.open(dir, 100)) {
            assertThat(s.append(rec(1))).isEqualTo(1);
            assertThat(s.append(rec(2))).isEqualTo(2);
            Spool.Entry e = s.peek(1, TimeUnit.SECONDS);
            assertThat(text(e)).isEqualTo("record-1");
            assertThat(text(s.peek(1, TimeUnit.SECONDS))).isEqualTo("record-1");
            s.markDone(1);
            assertThat(text(s.peek(1, TimeUnit.SECONDS))).isEqualTo("record-2");
            s.markDone(2);
            assertThat(s.peek(20, TimeUnit.MILLISECONDS)).isNull();
            assertThat(s.pending()).isZero();
        }
    }

    @Test
    void refusesRecordsBeyondItsBound() throws Exception {
        try (Spool s = Spool.open(dir, 2)) {
            s.append(rec(1));
            s.append(rec(2));
            assertThat(s.append(rec(3))).isEqualTo(-1);
            s.markDone(1);
            assertThat(s.append(rec(3))).isEqualTo(3);
        }
    }

    @Test
    void aKilledProcessLosesNothingAndRepeatsNothingMarkedDone() throws Exception {
        Spool s = Spool.open(dir, 1000, 256);
        for (int i = 1; i <= 100; i++) s.append(rec(i));
        for (int i = 1; i <= 40; i++) {
            s.peek(1, TimeUnit.SECONDS);
            s.markSending(i);
            s.markDone(i);
        }
        s.markSending(41); // in flight when killed
        s.abandon();
        try (Spool r = Spool.open(dir, 1000, 256)) {
            assertThat(r.pending()).isEqualTo(60);
            Spool.Entry e = r.peek(1, TimeUnit.SECONDS);
            assertThat(e.seq()).isEqualTo(41);
            assertThat(e.maybeSent()).isTrue();
            assertThat(text(e)).isEqualTo("record-41");
            r.markDone(41);
            Spool.Entry next = r.peek(1, TimeUnit.SECONDS);
            assertThat(next.maybeSent()).isFalse();
            assertThat(r.append(rec(101))).isEqualTo(101);
        }
    }

    @Test
    void aSendKnownToHaveFailedIsNotFlaggedAfterACrash() throws Exception {
        Spool s = Spool.open(dir, 10);
        s.append(rec(1));
        s.markSending(1);
        s.markNotSent(1);
        s.abandon();
        try (Spool r = Spool.open(dir, 10)) {
            assertThat(r.peek(1, TimeUnit.SECONDS).maybeSent()).isFalse();
        }
    }

    @Test
    void tornWritesAtTheTailAreCutOff() throws Exception {
        Spool s = Spool.open(dir, 100);
        s.append(rec(1));
        s.append(rec(2));
        s.markDone(1);
        s.abandon();
        Path seg;
        try (Stream<Path> l = Files.list(dir)) {
            seg = l.filter(p -> p.toString().endsWith(".seg")).findFirst().orElseThrow();
        }
        Files.write(seg, new byte[] {0, 0, 0, 50, 1, 2, 3}, StandardOpenOption.APPEND);          // half a record
        Files.write(dir.resolve("acks.log"), new byte[] {0, 0, 0, 0, 0, 0, 0}, StandardOpenOption.APPEND); // half a mark
        try (Spool r = Spool.open(dir, 100)) {
            assertThat(r.pending()).isEqualTo(1);
            assertThat(text(r.peek(1, TimeUnit.SECONDS))).isEqualTo("record-2");
            assertThat(r.append(rec(3))).isEqualTo(3);
            r.markDone(2);
            assertThat(text(r.peek(1, TimeUnit.SECONDS))).isEqualTo("record-3");
        }
    }

    @Test
    void finishedSegmentsAreDeletedAndMarksCompacted() throws Exception {
        try (Spool s = Spool.open(dir, 100_000, 16 * 1024, 64 * 1024)) {
            for (int i = 1; i <= 2500; i++) {
                s.append(rec(i));
                Spool.Entry e = s.peek(1, TimeUnit.SECONDS);
                assertThat(e.seq()).isEqualTo(i);
                s.markSending(i);
                s.markDone(i);
            }
            assertThat(segments()).isLessThanOrEqualTo(2);
            assertThat(Files.size(dir.resolve("acks.log"))).isLessThan(64 * 1024);
            assertThat(Files.readString(dir.resolve("checkpoint"))).startsWith("done ");
        }
        try (Spool r = Spool.open(dir, 100_000, 16 * 1024)) {
            assertThat(r.pending()).isZero();
            assertThat(r.append(rec(2501))).isEqualTo(2501);
        }
    }

    @Test
    void recordsSpanSegmentsAcrossRestarts() throws Exception {
        try (Spool s = Spool.open(dir, 10_000, 1000)) {
            for (int i = 1; i <= 200; i++) s.append(rec(i));
        }
        assertThat(segments()).isGreaterThan(3);
        try (Spool r = Spool.open(dir, 10_000, 1000)) {
            for (int i = 1; i <= 200; i++) {
                Spool.Entry e = r.peek(1, TimeUnit.SECONDS);
                assertThat(text(e)).isEqualTo("record-" + i);
                r.markDone(e.seq());
            }
        }
        assertThat(segments()).isEqualTo(1);
    }

    private long segments() throws IOException {
        try (Stream<Path> l = Files.list(dir)) {
            return l.filter(p -> p.toString().endsWith(".seg")).count();
        }
    }
}
