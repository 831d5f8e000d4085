package dev.falconet.output.telegram;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Retry delays: exponential from {@code base} doubling up to {@code max}, with "equal jitter" (a random
 * point in the upper half) so many senders do not retry in lockstep. A server's {@code retry_after} wins
 * over the computed delay, plus a small jitter so it is never undershot.
 */
public record Backoff(Duration base, Duration max, RandomGenerator random) {
    /** 1 s doubling to 5 min. */
    public static Backoff standard() {
        return new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), RandomGenerator.getDefault());
    }

    /** The delay before attempt {@code failures + 1}, after {@code failures} failed attempts (≥ 1). */
    public Duration delay(int failures) {
        long baseMs = base.toMillis();
        long cap = max.toMillis();
        long exp = failures >= 31 ? cap : Math.min(cap, baseMs << Math.max(0, failures - 1));
        long half = exp / 2;
        return Duration.ofMillis(half + (half > 0 ? random.nextLong(half + 1) : 0));
    }

    /** {@code retryAfterSeconds} plus up to 250 ms jitter. */
    public Duration retryAfter(int retryAfterSeconds) {
        return Duration.ofSeconds(retryAfterSeconds).plusMillis(random.nextLong(251));
    }
}
