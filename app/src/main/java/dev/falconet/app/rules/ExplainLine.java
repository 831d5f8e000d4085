package dev.falconet.app.rules;

import dev.falconet.engine.explain.ExplainNode;
import dev.falconet.engine.explain.FieldRead;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of an explanation tree flattened for display: indentation depth, the sub-condition, its
 * value, and the field values it read.
 *
 * @param depth    nesting depth (0 for the whole condition)
 * @param kind     and, or, not, macro, check
 * @param text     the sub-condition (a macro's name for a macro)
 * @param outcome  true, false or not evaluated
 * @param reads    fields read, {@code name=value} or {@code name=<NA> (why)}
 * @param decisive whether this check decided the rule's outcome
 */
public record ExplainLine(int depth, ExplainNode.Kind kind, String text, ExplainNode.Outcome outcome, List<String> reads,
                          boolean decisive) {
    public ExplainLine {
        reads = List.copyOf(reads);
    }

    /** The tree, depth first. */
    public static List<ExplainLine> flatten(ExplainNode root) {
        List<ExplainNode> decisive = root.decisiveChecks();
        List<ExplainLine> out = new ArrayList<>();
        walk(root, 0, decisive, out);
        return out;
    }

    private static void walk(ExplainNode n, int depth, List<ExplainNode> decisive, List<ExplainLine> out) {
        List<String> reads = n.reads().stream().map(ExplainLine::describe).toList();
        out.add(new ExplainLine(depth, n.kind(), n.text(), n.outcome(), reads, decisive.stream().anyMatch(d -> d == n)));
        for (ExplainNode c : n.children()) walk(c, depth + 1, decisive, out);
    }

    static String describe(FieldRead r) {
        return r.missing() ? r.field() + "=<NA>" + (r.why() == null ? "" : " (" + r.why() + ")") : r.field() + "=" + r.value();
    }
}
