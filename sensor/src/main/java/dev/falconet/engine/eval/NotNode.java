package dev.falconet.engine.eval;

import dev.falconet.engine.explain.ExplainNode;
import dev.falconet.rules.ast.Pos;
import java.util.List;

/** {@code not x}. A check whose field cannot be extracted is false, so its negation is true. */
public final class NotNode implements Node {
    private final Node child;
    private final String text;
    private final Pos pos;

    public NotNode(Node child, String text, Pos pos) {
        this.child = child;
        this.text = text;
        this.pos = pos;
    }

    /** The negated operand. */
    public Node child() {
        return child;
    }

    /** The same negation over a rewritten operand of the same truth value. */
    public NotNode withChild(Node newChild) {
        return new NotNode(newChild, text, pos);
    }

    @Override
    public boolean eval(Frame e) {
        return !child.eval(e);
    }

    @Override
    public Node specialize(int eventType) {
        Node c = child.specialize(eventType);
        if (c instanceof ConstNode k) return ConstNode.of(!k.value());
        return c == child ? this : new NotNode(c, text, pos);
    }

    @Override
    public ExplainNode explain(Frame e) {
        ExplainNode x = child.explain(e);
        return new ExplainNode(ExplainNode.Kind.NOT, text, x.isTrue() ? ExplainNode.Outcome.FALSE : ExplainNode.Outcome.TRUE,
                List.of(), List.of(x), pos.line(), pos.column());
    }

    @Override
    public ExplainNode skipped() {
        return new ExplainNode(ExplainNode.Kind.NOT, text, ExplainNode.Outcome.NOT_EVALUATED, List.of(), List.of(child.skipped()),
                pos.line(), pos.column());
    }
}
