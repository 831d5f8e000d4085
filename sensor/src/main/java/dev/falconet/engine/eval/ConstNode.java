package dev.falconet.engine.eval;

import dev.falconet.engine.explain.ExplainNode;
import java.util.List;

/** A sub-condition whose value is known for the event type a rule is specialised for. */
public final class ConstNode implements Node {
    public static final ConstNode TRUE = new ConstNode(true);
    public static final ConstNode FALSE = new ConstNode(false);

    private final boolean value;

    private ConstNode(boolean value) {
        this.value = value;
    }

    public static ConstNode of(boolean v) {
        return v ? TRUE : FALSE;
    }

    public boolean value() {
        return value;
    }

    @Override
    public boolean eval(Frame f) {
        return value;
    }

    @Override
    public ExplainNode explain(Frame f) {
        return new ExplainNode(ExplainNode.Kind.CHECK, Boolean.toString(value),
                value ? ExplainNode.Outcome.TRUE : ExplainNode.Outcome.FALSE, List.of(), List.of(), 0, 0);
    }

    @Override
    public ExplainNode skipped() {
        return new ExplainNode(ExplainNode.Kind.CHECK, Boolean.toString(value), ExplainNode.Outcome.NOT_EVALUATED, List.of(), List.of(), 0, 0);
    }
}
