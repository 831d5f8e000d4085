package dev.falconet.output.telegram;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Virtual time: sleeps return at once, advance the clock and are recorded. */
final class FakePacer implements Pacer {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final List<Duration> sleeps = new ArrayList<>();
    private volatile Consumer<Duration> onSleep = d -> { };

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public void sleep(Duration d) throws InterruptedException {
        if (Thread.interrupted()) throw new InterruptedException();
        synchronized (this) {
            sleeps.add(d);
            now = now.plus(d);
        }
        onSleep.accept(d);
    }

    synchronized List<Duration> sleeps() {
        return new ArrayList<>(sleeps);
    }

    /** Runs {@code hook} after each sleep (e.g. to end an outage after some virtual time). */
    void onSleep(Consumer<Duration> hook) {
        onSleep = hook;
    }
}
