package dev.falconet.engine.eval;

import dev.falconet.engine.explain.ExplainNode;
import dev.falconet.event.Event;

/**
 * A compiled condition node. {@link #eval(Frame)} is the hot path: no tree walking beyond the
 * compiled nodes, each field extracted once per event (the frame memoises it), no allocation on
 * common checks. {@link #explain} evaluates the same way (short-circuit included) but records every step.
 */
public interface Node {
    boolean eval(Frame f);

    ExplainNode explain(Frame f);

    /** The same node, unevaluated (for operands short-circuit evaluation skipped). */
    ExplainNode skipped();

    /** Evaluates against one event with a fresh frame (tests, one-off checks). */
    default boolean eval(Event e) {
        return eval(Frame.of(e));
    }

    default ExplainNode explain(Event e) {
        return explain(Frame.of(e));
    }
}
