package dev.falconet.engine.eval;

/**
 * The candidate rules of one event type, compiled to bytecode by {@link EvaluatorGenerator}:
 * same results as evaluating the rules' specialised condition nodes one after the other.
 */
public interface CandidateEvaluator {
    /**
     * The index of the first candidate rule at or after {@code from} whose condition is true for
     * the frame's event, or -1 when none is.
     */
    int next(Frame f, int from);
}
