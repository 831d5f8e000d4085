package dev.falconet.sensor.pipeline;

import dev.falconet.sensor.bpf.ProbeCounters;

/**
 * Counters of the pipeline stages and the line formats that report them on stderr: the
 * periodic {@code --stats} line and the Falco-style drop notice.
 */
public final class SensorStats {
    long captured;
    long evaluated;
    long malformed;
    long lastMalformedReported;

    /** One interval's figures. */
    /**
     * One interval's figures.
     *
     * @param consumerCpuNanos CPU time the consumer thread used in the interval (what one event costs
     *                         there does not depend on how busy the rest of the machine is)
     */
    public record Interval(double seconds, long captured, long evaluated, long dropped, long alerts,
                           long totalCaptured, long totalEvaluated, long totalDropped, long totalAlerts,
                           long consumerCpuNanos) {
        public String line() {
            return String.format("falconet stats: captured %.0f ev/s, evaluated %.0f ev/s, dropped %d (%.0f ev/s), alerts %d,"
                            + " consumer CPU %.0f%% (%.0f ns/event)"
                            + " | totals: captured %d, evaluated %d, dropped %d, alerts %d",
                    captured / seconds, evaluated / seconds, dropped, dropped / seconds, alerts,
                    consumerCpuNanos / seconds / 1e7, captured == 0 ? 0.0 : (double) consumerCpuNanos / captured,
                    totalCaptured, totalEvaluated, totalDropped, totalAlerts);
        }
    }

    /** Back to zero (after the warm-up's made-up records). */
    void reset() {
        captured = evaluated = malformed = lastMalformedReported = 0;
    }

    public long captured() { return captured; }
    public long evaluated() { return evaluated; }
    public long malformed() { return malformed; }

    /** Falco's wording, adapted: what was lost in the kernel since the last notice. */
    public static String dropNotice(ProbeCounters.Snapshot prev, ProbeCounters.Snapshot now, double seconds) {
        long ring = now.ringDrops() - prev.ringDrops();
        return String.format("falconet: syscall event drop: %d events dropped in the last %.1f s"
                        + " (ring buffer full); alerts may be missing. Try a larger --ring-size.",
                ring, seconds);
    }
}
