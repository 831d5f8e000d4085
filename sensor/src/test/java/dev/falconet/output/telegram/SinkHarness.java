package dev.falconet.output.telegram;

import dev.falconet.output.DeliveryState;
import dev.falconet.output.DeliveryStatus;
import dev.falconet.output.spool.Spool;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.random.RandomGenerator;
import java.util.function.BooleanSupplier;

/** A Telegram sink on a spool directory, the fake server and a fake pacer, collecting statuses. */
final class SinkHarness implements AutoCloseable {
    final List<DeliveryStatus> statuses = new CopyOnWriteArrayList<>();
    final FakePacer pacer = new FakePacer();
    final Spool spool;
    final TelegramSink sink;

    SinkHarness(TelegramSettings settings, Path spoolDir, long maxEntries, Duration callTimeout) throws IOException {
        spool = Spool.open(spoolDir, maxEntries, 64 * 1024);
        BotApiClient client = new BotApiClient(settings, Duration.ofSeconds(2), callTimeout);
        sink = new TelegramSink(settings, spool, client, statuses::add, pacer,
                new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), RandomGenerator.of("L64X128MixRandom")), Duration.ofSeconds(10));
    }

    SinkHarness(TelegramSettings settings, Path spoolDir) throws IOException {
        this(settings, spoolDir, 100_000, Duration.ofSeconds(5));
    }

    SinkHarness start() {
        sink.start();
        return this;
    }

    List<DeliveryStatus> of(String uuid) {
        return statuses.stream().filter(s -> s.alertUuid().equals(uuid)).toList();
    }

    long count(DeliveryState state) {
        return statuses.stream().filter(s -> s.state() == state).count();
    }

    static void await(BooleanSupplier cond, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    /** Stops like a killed process: no drain, no sync, no checkpoint. */
    void crash() throws Exception {
        sink.crashForTest();
    }

    @Override
    public void close() {
        sink.close();
    }
}
