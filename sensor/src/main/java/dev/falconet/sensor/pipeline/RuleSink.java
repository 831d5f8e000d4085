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

    public RuleSink(RuleEngine engine, Consumer<Alert> outputs, AutoCloseable closeOutputs) {
        this.engine = engine;
        this.outputs = outputs;
        this.closeOutputs = closeOutputs;
    }

    @Override
    public void accept(Event e) {
        alerts += engine.process(e, outputs);
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
