package dev.falconet.engine.eval;

/**
 * The candidate rules of one event type, compiled to bytecode by {@link EvaluatorGenerator}:
 * same results as evaluating the rules' specialised condition nodes one after the other.
 * An abstract class rather than an interface: the engine's call to {@link #next} sees one
 * generated class per event type, and a virtual call through the vtable is cheaper than an
 * interface call through the itable when the receiver class changes from event to event.
 */
public abstract class CandidateEvaluator {
    /**
     * The index of the first candidate rule at or after {@code from} whose condition is true for
     * the frame's event, or -1 when none is.
     */
    public abstract int next(Frame f, int from);
}
