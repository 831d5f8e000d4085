package dev.falconet.output.telegram;

import dev.falconet.output.DeliveryState;
import dev.falconet.output.TestAlerts;
import dev.falconet.output.spool.Spool;
import dev.falconet.rules.Priority;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmarks of the Telegram pipeline against the loopback fake Bot API (run by {@code bench/telegram.sh}, not
 * by the unit tests):
 * <ul>
 *   <li>{@code throughput N}: N alerts through accept → spool → render → real client → fake server, no rate limit;</li>
 *   <li>{@code durability N OUTAGE_S}: N alerts from a child JVM, an outage of OUTAGE_S seconds (connections
 *       refused), a kill -9 of the child in the middle of it, a restart; checks every alert arrives once, in order;</li>
 *   <li>{@code feeder PORT SPOOL N}: the child of {@code durability}.</li>
 * </ul>
 */
public final class TelegramBench {
    private TelegramBench() {
    }

    public static void main(String[] args) throws Exception {
        switch (args.length == 0 ? "" : args[0]) {
            case "throughput" -> throughput(Integer.parseInt(args[1]));
            case "durability" -> durability(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            case "raw" -> raw(Integer.parseInt(args[1]));
            case "stages" -> stages(Integer.parseInt(args[1]));
            case "feeder" -> feeder(Integer.parseInt(args[1]), Path.of(args[2]), Integer.parseInt(args[3]));
            default -> {
                System.err.println("usage: TelegramBench throughput N | durability N OUTAGE_SECONDS");
                System.exit(2);
            }
        }
    }

    private static TelegramSink sink(int port, Path spoolDir, AtomicLong sent) throws IOException {
        TelegramSettings s = new TelegramSettings(FakeBotApi.TOKEN, FakeBotApi.CHAT, Priority.DEBUG, null, URI.create("http://127.0.0.1:" + port), 0);
        return new TelegramSink(s, Spool.open(spoolDir, 1_000_000), new BotApiClient(s), st -> {
            if (st.state() == DeliveryState.SENT) sent.incrementAndGet();
        }, Pacer.SYSTEM, new Backoff(Duration.ofMillis(500), Duration.ofSeconds(8), java.util.random.RandomGenerator.getDefault()),
                Duration.ofSeconds(30)).start();
    }

    private static void throughput(int n) throws Exception {
        Path dir = Files.createTempDirectory("falconet-bench");
        try (FakeBotApi api = new FakeBotApi()) {
            // warm-up: class loading, JIT, connection
            AtomicLong warm = new AtomicLong();
            TelegramSink w = sink(api.port(), dir.resolve("warm"), warm);
            for (int i = 0; i < 2000; i++) w.accept(TestAlerts.numbered(i));
            w.close();

            AtomicLong sent = new AtomicLong();
            TelegramSink sink = sink(api.port(), dir.resolve("run"), sent);
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) sink.accept(TestAlerts.numbered(i));
            long t1 = System.nanoTime();
            while (sent.get() < n) Thread.sleep(1);
            long t2 = System.nanoTime();
            sink.close();
            System.out.printf("accept: %d alerts in %.1f ms = %.0f alerts/s (append to the spool)%n", n, (t1 - t0) / 1e6, n / ((t1 - t0) / 1e9));
            System.out.printf("delivery: %d messages in %.1f ms = %.0f messages/s (accept to the last sent)%n", n, (t2 - t0) / 1e6, n / ((t2 - t0) / 1e9));
        }
    }

    /** The client alone, same message N times: the ceiling the pipeline can reach on this machine. */
    private static void raw(int n) throws Exception {
        try (FakeBotApi api = new FakeBotApi(); BotApiClient c = new BotApiClient(api.settings())) {
            String text = TelegramFormat.render(TestAlerts.numbered(1)).text();
            for (int i = 0; i < 2000; i++) c.send(text, true);
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) c.send(text, true);
            long t1 = System.nanoTime();
            System.out.printf("client alone: %d messages in %.1f ms = %.0f messages/s%n", n, (t1 - t0) / 1e6, n / ((t1 - t0) / 1e9));
        }
    }

    /**
     * The pipeline's own work per message without the network: append to the spool, read it back, parse the
     * alert, render the message, write the sending and done marks.
     */
    private static void stages(int n) throws Exception {
        Path dir = Files.createTempDirectory("falconet-stages");
        for (int round = 0; round < 2; round++) { // the first round warms up
            try (Spool spool = Spool.open(dir.resolve("r" + round), 1_000_000)) {
                long t0 = System.nanoTime();
                long chars = 0;
                for (int i = 0; i < n; i++) {
                    spool.append(dev.falconet.output.AlertFormats.json(TestAlerts.numbered(i)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    Spool.Entry e = spool.peek(1, TimeUnit.SECONDS);
                    dev.falconet.output.Alert a = dev.falconet.output.AlertJsonParser.parseStored(new String(e.payload(), java.nio.charset.StandardCharsets.UTF_8));
                    chars += TelegramFormat.render(a).text().length();
                    spool.markSending(e.seq());
                    spool.markDone(e.seq());
                }
                long t1 = System.nanoTime();
                if (round == 1) {
                    System.out.printf("pipeline without the network: %d messages in %.1f ms = %.0f messages/s (%d characters rendered)%n",
                            n, (t1 - t0) / 1e6, n / ((t1 - t0) / 1e9), chars);
                }
            }
        }
    }

    private static void feeder(int port, Path spool, int n) throws Exception {
        AtomicLong sent = new AtomicLong();
        TelegramSink sink = sink(port, spool, sent);
        for (int i = 0; i < n; i++) sink.accept(TestAlerts.numbered(i));
        System.out.println("fed " + n);
        System.out.flush();
        while (sink.pending() > 0) Thread.sleep(20);
        sink.close();
        System.out.println("drained");
    }

    private static Process startFeeder(int port, Path spool, int n) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), TelegramBench.class.getName(), "feeder",
                Integer.toString(port), spool.toString(), Integer.toString(n)).inheritIO().start();
    }

    private static void durability(int n, int outageSeconds) throws Exception {
        Path spool = Files.createTempDirectory("falconet-durability");
        FakeBotApi api = new FakeBotApi();
        int port = api.port();
        List<FakeBotApi.Posted> posted = api.postedLive();
        long t0 = System.nanoTime();
        Process child = startFeeder(port, spool, n);
        while (posted.size() < n / 3) Thread.sleep(5);
        api.close();
        System.out.println("outage starts after " + posted.size() + " messages");
        Thread.sleep(outageSeconds * 500L);
        child.destroyForcibly().waitFor(); // SIGKILL
        System.out.println("child killed (kill -9) in the middle of the outage");
        Process second = startFeeder(port, spool, 0);
        Thread.sleep(outageSeconds * 500L);
        api = new FakeBotApi(port, posted);
        System.out.println("outage over after " + outageSeconds + " s");
        if (!second.waitFor(10, TimeUnit.MINUTES)) throw new IllegalStateException("restarted feeder did not drain");
        api.close();
        Map<Integer, Integer> seen = new HashMap<>();
        int last = -1;
        int outOfOrder = 0;
        int markedRepeats = 0;
        int unmarkedRepeats = 0;
        for (FakeBotApi.Posted p : posted) {
            int num = Integer.parseInt(p.shown().replaceAll("(?s).*alert number (\\d+)\n.*", "$1"));
            int times = seen.merge(num, 1, Integer::sum);
            if (times > 1) {
                if (p.shown().startsWith(TelegramSink.DUPLICATE_NOTICE)) markedRepeats++;
                else unmarkedRepeats++;
            }
            if (num < last) outOfOrder++;
            last = Math.max(last, num);
        }
        int missing = n - seen.size();
        System.out.printf("durability: %d alerts, %d messages, %d missing, %d out of order, %d repeats marked as possible duplicates, "
                + "%d unmarked repeats, %.1f s%n", n, posted.size(), missing, outOfOrder, markedRepeats, unmarkedRepeats, (System.nanoTime() - t0) / 1e9);
        System.exit(missing == 0 && outOfOrder == 0 && unmarkedRepeats == 0 ? 0 : 1);
    }
}
