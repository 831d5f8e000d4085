package dev.falconet.sensor.pipeline;

import dev.falconet.engine.RuleEngine;
import dev.falconet.event.Event;
import dev.falconet.output.Alert;
import java.util.function.Consumer;

/** The evaluate → output stages: each event through the rule engine, each alert to the outputs. */
public final class RuleSink implements EventSink {
    private final RuleEngine engine;
    private final Consumer<Alert> outputs;
    private final AutoCloseable closeOutputs;
    private long alerts;
    private final java.util.List<Long> latencies = new java.util.ArrayList<>();

    public RuleSink(RuleEngine engine, Consumer<Alert> outputs, AutoCloseable closeOutputs) {
        this.engine = engine;
        this.outputs = outputs;
        this.closeOutputs = closeOutputs;
    }

    @Override
    public void accept(Event e) {
        int n = engine.process(e, outputs);
        if (n > 0) {
            alerts += n;
            // from the kernel timestamp to the alert handed to the outputs
            java.time.Instant now = java.time.Instant.now();
            if (latencies.size() < 1_000_000) latencies.add(now.getEpochSecond() * 1_000_000_000L + now.getNano() - e.ts());
        }
    }

    /** Latency percentile (0..100) of the alerts so far, in nanoseconds; -1 without alerts. */
    public long latencyPercentile(double p) {
        if (latencies.isEmpty()) return -1;
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        int i = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(p / 100.0 * sorted.length) - 1));
        return sorted[i];
    }

    /** Only the types some loaded rule is evaluated for (the engine's event-type index). */
    @Override
    public boolean wants(int eventType) {
        return engine.candidates(eventType) > 0;
    }

    @Override
    public long alerts() {
        return alerts;
    }

    @Override
    public void close() {
        try {
            if (closeOutputs != null) closeOutputs.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing the outputs failed: " + e.getMessage(), e);
        }
    }
}
