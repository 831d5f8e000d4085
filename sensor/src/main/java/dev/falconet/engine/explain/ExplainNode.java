package dev.falconet.engine.explain;

import java.util.List;

/**
 * One node of an evaluation explained: what it is, its truth value for the event, the field values
 * it read, and its children. The app draws this tree; {@code falconet explain} prints it.
 *
 * @param kind     and, or, not, macro, check, evttype (a fast event-type check)
 * @param text     the sub-condition as text (canonical form); for a macro, its name
 * @param outcome  TRUE, FALSE, or NOT_EVALUATED when short-circuit evaluation skipped it
 * @param reads    the fields it read, with their values
 * @param children sub-nodes (for and/or/not/macro)
 * @param line     1-based line of the node in its condition text (0 when unknown)
 * @param column   1-based column (0 when unknown)
 */
public record ExplainNode(Kind kind, String text, Outcome outcome, List<FieldRead> reads, List<ExplainNode> children,
                          int line, int column) {

    public enum Kind { AND, OR, NOT, MACRO, CHECK }

    public enum Outcome { TRUE, FALSE, NOT_EVALUATED }

    public ExplainNode {
        reads = List.copyOf(reads);
        children = List.copyOf(children);
    }

    public boolean isTrue() {
        return outcome == Outcome.TRUE;
    }

    /**
     * The nodes that decided this node's value: for a false {@code and}, its first false operand;
     * for a false {@code or}, every operand; for {@code not}, the operand; down to the checks.
     * These are what "why not" shows.
     */
    public List<ExplainNode> decisiveChecks() {
        List<ExplainNode> out = new java.util.ArrayList<>();
        collectDecisive(this, out);
        return out;
    }

    private static void collectDecisive(ExplainNode n, List<ExplainNode> out) {
        switch (n.kind) {
            case CHECK -> out.add(n);
            case MACRO, NOT -> n.children.forEach(c -> collectDecisive(c, out));
            case AND -> {
                boolean want = n.outcome == Outcome.TRUE;
                for (ExplainNode c : n.children) {
                    if (want) collectDecisive(c, out);
                    else if (c.outcome == Outcome.FALSE) {
                        collectDecisive(c, out);
                        return;
                    }
                }
            }
            case OR -> {
                boolean want = n.outcome == Outcome.TRUE;
                for (ExplainNode c : n.children) {
                    if (!want) collectDecisive(c, out);
                    else if (c.outcome == Outcome.TRUE) {
                        collectDecisive(c, out);
                        return;
                    }
                }
            }
        }
    }
}
