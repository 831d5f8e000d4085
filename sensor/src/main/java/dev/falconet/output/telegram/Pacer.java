package dev.falconet.output.telegram;

import java.time.Duration;
import java.time.Instant;

/** The delivery loop's clock and sleep, replaceable so tests can run hours of backoff instantly. */
public interface Pacer {
    /** The current time. */
    Instant now();

    /** Waits for {@code d}; interruptible. */
    void sleep(Duration d) throws InterruptedException;

    /** Real time. */
    Pacer SYSTEM = new Pacer() {
        @Override
        public Instant now() {
            return Instant.now();
        }

        @Override
        public void sleep(Duration d) throws InterruptedException {
            if (!d.isNegative() && !d.isZero()) Thread.sleep(d);
        }
    };
}
