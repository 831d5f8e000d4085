package dev.falconet.sensor.pipeline;

import dev.falconet.engine.RuleEngine;
import dev.falconet.event.Event;
import dev.falconet.output.Alert;
import java.util.function.Consumer;

/**
 * The evaluate → output stages: each event through the rule engine, each alert to the outputs. The engine can
 * be replaced while the sensor runs ({@link #swap}): each event reads the field once, so it is evaluated
 * entirely by the old or entirely by the new engine.
 */
public final class RuleSink implements EventSink {
    private static final int MAX_LATENCIES = 1 << 20;
    private volatile RuleEngine engine;
    private final Consumer<Alert> outputs;
    private final AutoCloseable closeOutputs;
    private long alerts;
    /** Latencies of the alerts so far (the first 1 M), for the summary's percentiles. */
    private long[] latencies = new long[1024];
    private int latencyCount;

    public RuleSink(RuleEngine engine, Consumer<Alert> outputs, AutoCloseable closeOutputs) {
        this.engine = engine;
        this.outputs = outputs;
        this.closeOutputs = closeOutputs;
    }

    /** The engine evaluating the events now. */
    public RuleEngine engine() {
        return engine;
    }

    /**
     * Replaces the engine (a hot reload); the next event is evaluated by {@code next}. Safe to call from any
     * thread: the engine is fully built before it is published.
     */
    public void swap(RuleEngine next) {
        this.engine = java.util.Objects.requireNonNull(next, "next");
    }

    @Override
    public void accept(Event e) {
        int n = engine.process(e, outputs);
        if (n > 0) {
            alerts += n;
            // from the kernel timestamp to the alert handed to the outputs
            java.time.Instant now = java.time.Instant.now();
            if (latencyCount == latencies.length && latencyCount < MAX_LATENCIES)
                latencies = java.util.Arrays.copyOf(latencies, latencyCount * 2);
            if (latencyCount < latencies.length)
                latencies[latencyCount++] = now.getEpochSecond() * 1_000_000_000L + now.getNano() - e.ts();
        }
    }

    /** Latency percentile (0..100) of the alerts so far, in nanoseconds; -1 without alerts. */
    public long latencyPercentile(double p) {
        if (latencyCount == 0) return -1;
        long[] sorted = java.util.Arrays.copyOf(latencies, latencyCount);
        java.util.Arrays.sort(sorted);
        int i = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(p / 100.0 * sorted.length) - 1));
        return sorted[i];
    }

    /** Only the types some loaded rule is evaluated for (the engine's event-type index). */
    @Override
    public boolean wants(int eventType) {
        return engine.candidates(eventType) > 0;
    }

    /**
     * The same engine, alerts discarded (the engine keeps no per-event state: made-up events leave no trace). The
     * rules of every event type are compiled to bytecode now, as the engine does after a few thousand events of
     * a type: the warm-up then runs the code the live events will (and the JIT sees every type's evaluator).
     */
    @Override
    public EventSink rehearsal() {
        engine.compileAll();
        return new RuleSink(engine, alert -> {}, null);
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
