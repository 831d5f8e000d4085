package dev.falconet.engine.eval;

import dev.falconet.engine.explain.ExplainNode;
import dev.falconet.rules.ast.Pos;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code a and b and ...} or {@code a or b or ...}, evaluated left to right with short-circuit:
 * {@code and} stops at the first false operand, {@code or} at the first true one.
 */
public final class JunctionNode implements Node {
    private final boolean and;
    private final Node[] children;
    private final String text;
    private final Pos pos;

    private JunctionNode(boolean and, List<Node> children, String text, Pos pos) {
        this.and = and;
        this.children = children.toArray(Node[]::new);
        this.text = text;
        this.pos = pos;
    }

    public static JunctionNode and(List<Node> children, String text, Pos pos) {
        return new JunctionNode(true, children, text, pos);
    }

    public static JunctionNode or(List<Node> children, String text, Pos pos) {
        return new JunctionNode(false, children, text, pos);
    }

    /** True for {@code and}, false for {@code or}. */
    public boolean isAnd() {
        return and;
    }

    /** The operands, in evaluation order (a copy). */
    public Node[] children() {
        return children.clone();
    }

    /** The same junction with its operands in another order (or rewritten): same text and position. */
    public JunctionNode withChildren(List<Node> newChildren) {
        return new JunctionNode(and, newChildren, text, pos);
    }

    @Override
    public boolean eval(Frame f) {
        // and: any false operand decides (false); or: any true operand decides (true)
        for (Node c : children) if (c.eval(f) != and) return !and;
        return and;
    }

    @Override
    public Node specialize(int eventType) {
        List<Node> kept = new ArrayList<>();
        boolean changed = false;
        for (Node c : children) {
            Node s = c.specialize(eventType);
            changed |= s != c;
            if (s instanceof ConstNode k) {
                if (k.value() != and) return k; // the deciding value
                continue;                       // the neutral value changes nothing
            }
            kept.add(s);
        }
        if (!changed) return this;
        if (kept.isEmpty()) return ConstNode.of(and);
        return kept.size() == 1 ? kept.getFirst() : new JunctionNode(and, kept, text, pos);
    }

    @Override
    public ExplainNode explain(Frame f) {
        List<ExplainNode> out = new ArrayList<>();
        boolean result = and;
        boolean decided = false;
        for (Node c : children) {
            if (decided) {
                out.add(c.skipped());
                continue;
            }
            ExplainNode x = c.explain(f);
            out.add(x);
            if (x.isTrue() != and) {
                result = !and;
                decided = true;
            }
        }
        return new ExplainNode(kind(), text, result ? ExplainNode.Outcome.TRUE : ExplainNode.Outcome.FALSE, List.of(), out,
                pos.line(), pos.column());
    }

    @Override
    public ExplainNode skipped() {
        List<ExplainNode> out = new ArrayList<>();
        for (Node c : children) out.add(c.skipped());
        return new ExplainNode(kind(), text, ExplainNode.Outcome.NOT_EVALUATED, List.of(), out, pos.line(), pos.column());
    }

    private ExplainNode.Kind kind() {
        return and ? ExplainNode.Kind.AND : ExplainNode.Kind.OR;
    }
}
