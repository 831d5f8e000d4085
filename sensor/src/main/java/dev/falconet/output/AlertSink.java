package dev.falconet.output;

/**
 * Where alerts go: stdout, a file, an HTTP endpoint, Telegram, the app's feed. {@link #accept} must not
 * block for long (slow deliveries queue internally); {@link #close} flushes and waits for queued
 * deliveries within the sink's own time limit, then releases its resources.
 */
public interface AlertSink extends AutoCloseable {
    /** Takes one alert. Called from one thread at a time per sink, in alert order. */
    void accept(Alert alert);

    /** Flushes, waits for queued deliveries within the sink's drain timeout, and releases resources. */
    @Override
    default void close() {
    }

    /** Short name used in logs and delivery statuses ({@code stdout}, {@code telegram}, ...). */
    default String name() {
        return getClass().getSimpleName();
    }
}
