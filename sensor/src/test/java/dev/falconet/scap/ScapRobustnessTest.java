package dev.falconet.scap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.falconet.capture.CaptureException;
import dev.falconet.event.Event;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Bad .scap input gives a clean {@link CaptureException} with the byte offset; never another exception or an out-of-memory. */
class ScapRobustnessTest {

    private static List<Event> readAll(byte[] bytes) {
        List<Event> out = new ArrayList<>();
        try (ScapReader r = new ScapReader(new ByteArrayInputStream(bytes), "t.scap", t -> true)) {
            for (Event e = r.next(); e != null; e = r.next()) out.add(e);
        }
        return out;
    }

    @Test
    void wrongMagicNamesTheFirstBlock() {
        assertThatThrownBy(() -> readAll("{\"format\":\"falconet-capture\"}\n".getBytes()))
                .isInstanceOf(CaptureException.class).hasMessageContaining("t.scap: at byte 0: not a scap capture");
    }

    @Test
    void emptyFile() {
        assertThatThrownBy(() -> readAll(new byte[0])).isInstanceOf(CaptureException.class).hasMessageContaining("empty file");
    }

    @Test
    void truncatedBlockGivesItsOffset() throws IOException {
        byte[] b = ScapTestFiles.plain("libs_curl_google");
        byte[] cut = Arrays.copyOf(b, b.length - 10);
        assertThatThrownBy(() -> readAll(cut)).isInstanceOf(CaptureException.class)
                .hasMessageMatching("t\\.scap: at byte \\d+: truncated block \\(type 0x204\\): \\d+ of \\d+ bytes present");
    }

    @Test
    void hugeLengthFieldIsRefusedBeforeAnyAllocation() throws IOException {
        byte[] b = ScapTestFiles.plain("libs_curl_google");
        int second = blockLength(b, 0);
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(second + 4, 0x7ffffff0);
        assertThatThrownBy(() -> readAll(b)).isInstanceOf(CaptureException.class)
                .hasMessageContaining("at byte " + second + ": block length 2147483632").hasMessageContaining("corrupt length field");
    }

    @Test
    void unknownBlockType() throws IOException {
        byte[] b = ScapTestFiles.plain("libs_curl_google");
        int second = blockLength(b, 0);
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(second, 0x12345);
        assertThatThrownBy(() -> readAll(b)).isInstanceOf(CaptureException.class)
                .hasMessageContaining("at byte " + second + ": unknown block type 0x00012345");
    }

    @Test
    void gzipAndPlainGiveTheSameEvents() throws IOException {
        byte[] plain = ScapTestFiles.plain("libs_single_ipv6_conn");
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(gz)) {
            z.write(plain);
        }
        assertThat(summary(readAll(gz.toByteArray()))).isEqualTo(summary(readAll(plain)));
    }

    /**
     * Every event block layout: the v1 capture's EV blocks rewritten as EVF (flags), the v2 capture's
     * EV_V2 blocks as EV_V2_LARGE and EVF_V2 / EVF_V2_LARGE: the same events come out.
     */
    @Test
    void everyEventBlockLayoutReadsTheSame() throws IOException {
        byte[] v1 = ScapTestFiles.plain("libs_curl_google");
        List<String> base1 = summary(readAll(v1));
        List<String> evf = summary(readAll(rewriteEvents(v1, 0x204, 0x208)));
        for (int i = 0; i < Math.min(evf.size(), base1.size()); i++) {
            assertThat(evf.get(i)).as("event %d", i).isEqualTo(base1.get(i));
        }
        assertThat(evf).hasSameSizeAs(base1);
        byte[] v2 = ScapTestFiles.plain("libs_single_ipv6_conn");
        List<String> base2 = summary(readAll(v2));
        assertThat(summary(readAll(rewriteEvents(v2, 0x216, 0x221)))).isEqualTo(base2);
        assertThat(summary(readAll(rewriteEvents(v2, 0x216, 0x217)))).isEqualTo(base2);
        assertThat(summary(readAll(rewriteEvents(v2, 0x216, 0x222)))).isEqualTo(base2);
    }

    /** At least 10,000 seeded mutations (truncation, bit flips, length fields, spliced bytes): only clean errors. */
    @Test
    void fuzzedCapturesGiveOnlyCleanErrors() throws IOException {
        List<byte[]> seeds = List.of(trimmed(ScapTestFiles.plain("libs_curl_google")), trimmed(ScapTestFiles.plain("libs_test_ipv6_client")),
                trimmed(ScapTestFiles.plain("falco_test_trace_files_cat_write")));
        for (byte[] s : seeds) assertThat(readAll(s)).as("a trimmed seed reads cleanly").isNotNull();
        SplittableRandom rnd = new SplittableRandom(20261203L);
        int errors = 0, ok = 0;
        for (int i = 0; i < 10_000; i++) {
            byte[] seed = seeds.get(i % seeds.size());
            byte[] m = mutate(seed, rnd);
            try {
                readAll(m);
                ok++;
            } catch (CaptureException e) {
                assertThat(e.getMessage()).as("mutation %d", i).matches("(?s)t\\.scap: (at byte \\d+: .+|.+)");
                assertThat(e.getMessage()).as("mutation %d", i).containsAnyOf("at byte", "empty file");
                errors++;
            }
        }
        assertThat(errors + ok).isEqualTo(10_000);
        assertThat(errors).as("most mutations are detected").isGreaterThan(1000);
    }

    private static byte[] mutate(byte[] seed, SplittableRandom rnd) {
        byte[] b = seed.clone();
        switch (rnd.nextInt(5)) {
            case 0 -> b = Arrays.copyOf(b, rnd.nextInt(b.length)); // truncation
            case 1 -> { // bit flips
                for (int k = 1 + rnd.nextInt(8); k > 0; k--) b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
            }
            case 2 -> { // a block length field: huge, zero, off by a little, or random
                List<Integer> starts = blockStarts(b);
                int at = starts.get(rnd.nextInt(starts.size()));
                int v = switch (rnd.nextInt(4)) {
                    case 0 -> 0x7fffffff - rnd.nextInt(1000);
                    case 1 -> rnd.nextInt(16);
                    case 2 -> blockLength(b, at) + rnd.nextInt(-8, 9);
                    default -> rnd.nextInt();
                };
                ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(at + (rnd.nextBoolean() ? 4 : blockLength(b, at) - 4 >= 8 ? blockLength(b, at) - 4 : 4), v);
            }
            case 3 -> { // an event's or a parameter's length inside a block
                List<Integer> starts = blockStarts(b);
                int at = starts.get(rnd.nextInt(starts.size()));
                int len = blockLength(b, at);
                int off = at + 8 + rnd.nextInt(Math.max(1, Math.min(len - 8, 64)));
                if (off + 2 <= b.length) ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putShort(off, (short) rnd.nextInt(65536));
            }
            default -> { // a run of random bytes
                int off = rnd.nextInt(b.length);
                for (int k = rnd.nextInt(1, 64); k > 0 && off < b.length; k--) b[off++] = (byte) rnd.nextInt(256);
            }
        }
        return b;
    }

    private static int blockLength(byte[] b, int at) {
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt(at + 4);
    }

    private static List<Integer> blockStarts(byte[] b) {
        List<Integer> out = new ArrayList<>();
        int off = 0;
        while (off + 8 <= b.length) {
            int len = blockLength(b, off);
            if (len < 12 || off + (long) len > b.length) break;
            out.add(off);
            off += len;
        }
        if (out.isEmpty()) out.add(0);
        return out;
    }

    /** The same capture with every block of one event type rewritten as another (EVF types carry 4 bytes of flags). */
    private static byte[] rewriteEvents(byte[] b, int from, int to) {
        boolean addFlags = to == 0x208 || to == 0x217 || to == 0x222;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer in = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int off = 0;
        while (off + 8 <= b.length) {
            int type = in.getInt(off), len = in.getInt(off + 4);
            if (type != from) {
                out.write(b, off, len);
            } else {
                int bodyLen = len - 12;
                int newBody = bodyLen + (addFlags ? 4 : 0);
                int newLen = 12 + ((newBody + 3) & ~3);
                ByteBuffer nb = ByteBuffer.allocate(newLen).order(ByteOrder.LITTLE_ENDIAN);
                nb.putInt(to).putInt(newLen);
                nb.put(b, off + 8, 2); // cpu
                if (addFlags) nb.putInt(0);
                nb.put(b, off + 10, bodyLen - 2);
                nb.putInt(newLen - 4, newLen);
                out.write(nb.array(), 0, newLen);
            }
            off += len;
        }
        return out.toByteArray();
    }

    private static List<String> summary(List<Event> events) {
        List<String> out = new ArrayList<>();
        for (Event e : events) {
            StringBuilder args = new StringBuilder();
            for (var a : e.args()) args.append(a.name()).append('=').append(a.rendered()).append(' ');
            out.add(e.num() + " " + e.typeName() + " " + e.thread().tid() + " " + e.cpu() + " " + e.res() + " " + args
                    + (e.fd() == null ? "-" : e.fd().name()));
        }
        return out;
    }

    /** A smaller capture for the fuzz loop: the header blocks, at most 4 fd-list blocks and the first 200 event blocks. */
    private static byte[] trimmed(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer in = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int fdl = 0, ev = 0;
        for (int off : blockStarts(b)) {
            int type = in.getInt(off), len = in.getInt(off + 4);
            boolean isFdl = type == 0x203 || type == 0x218;
            boolean isEv = type == 0x204 || type == 0x216;
            if (isFdl && fdl++ >= 4 || isEv && ev++ >= 200) continue;
            out.write(b, off, len);
        }
        return out.toByteArray();
    }
}
