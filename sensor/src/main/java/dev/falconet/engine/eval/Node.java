package dev.falconet.engine.eval;

import dev.falconet.engine.explain.ExplainNode;
import dev.falconet.event.Event;

/**
 * A compiled condition node. {@link #eval} is the hot path: no tree walking beyond the compiled
 * nodes, no allocation on common checks. {@link #explain} evaluates the same way (short-circuit
 * included) but records every step.
 */
public interface Node {
    boolean eval(Event e);

    ExplainNode explain(Event e);

    /** The same node, unevaluated (for operands short-circuit evaluation skipped). */
    ExplainNode skipped();
}
