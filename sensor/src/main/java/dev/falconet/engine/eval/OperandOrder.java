package dev.falconet.engine.eval;

import dev.falconet.event.Event;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reorders the operands of {@code and}/{@code or} junctions for generated evaluators, using how
 * often each operand was true over a sample of recent events of the type: an {@code and} tries
 * first the operands that are cheap and often false, an {@code or} those cheap and often true.
 *
 * <p>The value of a condition does not depend on the order: every operand is a pure function of
 * the event (extracted values and macros are memoised per event, nothing is written), so only the
 * number of checks evaluated changes. Rules keep their order. Explanations keep the written order
 * (they walk the original nodes), and a generated evaluator that throws is retried on the nodes.
 */
public final class OperandOrder {
    /** Expected cost of a memoised macro that an earlier rule most likely evaluated already. */
    private static final double KNOWN_MACRO = 0.1;
    private static final double MIN_P = 1e-3;

    /** Per node: samples evaluated, samples true. */
    private final Map<Node, int[]> stats = new IdentityHashMap<>();
    private final Map<Integer, MacroNode> rewrittenMacros = new HashMap<>();
    /** Macros that earlier rules evaluate on most events (their memo makes them nearly free afterwards). */
    private final Map<Integer, Boolean> knownMacros = new HashMap<>();

    private OperandOrder() {}

    /**
     * The conditions with reordered operands, or the same list when there is no sample or a
     * sample could not be evaluated in full.
     */
    public static List<Node> reorder(List<Node> conditions, List<Event> samples) {
        if (samples.isEmpty()) return conditions;
        OperandOrder o = new OperandOrder();
        try {
            for (Event e : samples) {
                Frame f = Frame.of(e);
                Map<Integer, Boolean> macros = new HashMap<>();
                for (Node c : conditions) o.measure(c, f, macros);
            }
        } catch (RuntimeException ex) {
            return conditions; // an operand that fails out of its written order: keep the order
        }
        List<Node> out = new ArrayList<>(conditions.size());
        for (Node c : conditions) {
            Node r = o.rewrite(c);
            o.markMacros(r, 1.0);
            out.add(r);
        }
        return out;
    }

    /** Evaluates every operand (no short-circuit) and records how often each node is true. */
    private boolean measure(Node n, Frame f, Map<Integer, Boolean> macros) {
        boolean v;
        switch (n) {
            case JunctionNode j -> {
                boolean and = j.isAnd();
                boolean r = and;
                for (Node c : j.children()) if (measure(c, f, macros) != and) r = !and;
                v = r;
            }
            case NotNode x -> v = !measure(x.child(), f, macros);
            case MacroNode m -> {
                Boolean known = macros.get(m.slot());
                if (known == null) {
                    known = measure(m.body(), f, macros);
                    macros.put(m.slot(), known);
                }
                v = known;
            }
            default -> v = n.eval(f);
        }
        int[] s = stats.computeIfAbsent(n, k -> new int[2]);
        s[0]++;
        if (v) s[1]++;
        return v;
    }

    private double pTrue(Node n) {
        int[] s = stats.get(n);
        return s == null || s[0] == 0 ? 0.5 : (double) s[1] / s[0];
    }

    private Node rewrite(Node n) {
        return switch (n) {
            case JunctionNode j -> {
                List<Node> children = new ArrayList<>();
                for (Node c : j.children()) children.add(rewrite(c));
                boolean and = j.isAnd();
                // an operand that decides the junction (false for and, true for or) often and cheaply goes first
                children.sort(Comparator.comparingDouble(c -> cost(c) / Math.max(MIN_P, and ? 1 - pTrue(c) : pTrue(c))));
                JunctionNode r = j.withChildren(children);
                stats.put(r, stats.get(j));
                yield r;
            }
            case NotNode x -> {
                Node c = rewrite(x.child());
                if (c == x.child()) yield x;
                NotNode r = x.withChild(c);
                stats.put(r, stats.get(x));
                yield r;
            }
            case MacroNode m -> {
                MacroNode done = rewrittenMacros.get(m.slot());
                if (done == null) {
                    Node body = rewrite(m.body());
                    done = body == m.body() ? m : m.withBody(body);
                    stats.put(done, stats.get(m));
                    rewrittenMacros.put(m.slot(), done);
                }
                yield done;
            }
            default -> n;
        };
    }

    /** Expected number of checks evaluated for the node, in its (already rewritten) order. */
    private double cost(Node n) {
        return switch (n) {
            case JunctionNode j -> {
                double total = 0;
                double reach = 1;
                for (Node c : j.children()) {
                    total += reach * cost(c);
                    reach *= j.isAnd() ? pTrue(c) : 1 - pTrue(c);
                }
                yield total;
            }
            case NotNode x -> cost(x.child());
            case MacroNode m -> knownMacros.containsKey(m.slot()) ? KNOWN_MACRO : cost(m.body());
            case ConstNode k -> 0;
            case CheckNode k -> checkCost(k.lhsText());
            default -> 1;
        };
    }

    /** Fields whose extraction builds strings or walks the process tree: read them last when the choice is free. */
    private static final String[] COSTLY = {"cmdline", "env", "args", "exeline", "aname", "apid", "aexe", "sip.name",
            "cip.name", "rip.name", "lip.name", "evt.info", "evt.buffer", "(", "k8s.", "container.image", "container.label"};
    /** Fields that allocate or search a little (path split, parameter search by name). */
    private static final String[] MODERATE = {"fd.directory", "fd.filename", "evt.arg", "evt.rawarg", "pname", "pexe",
            "user.name", "group.name"};

    static double checkCost(String field) {
        for (String c : COSTLY) if (field.contains(c)) return 8;
        for (String c : MODERATE) if (field.contains(c)) return 2;
        return 1;
    }

    /** Records the macros a rule evaluates on most events, walking operands in evaluation order. */
    private void markMacros(Node n, double reach) {
        if (reach < 0.5) return;
        switch (n) {
            case JunctionNode j -> {
                double r = reach;
                for (Node c : j.children()) {
                    markMacros(c, r);
                    r *= j.isAnd() ? pTrue(c) : 1 - pTrue(c);
                }
            }
            case NotNode x -> markMacros(x.child(), reach);
            case MacroNode m -> {
                knownMacros.put(m.slot(), Boolean.TRUE);
                markMacros(m.body(), reach);
            }
            default -> { }
        }
    }
}
