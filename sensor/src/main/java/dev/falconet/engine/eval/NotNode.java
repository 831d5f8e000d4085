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

    @Override
    public boolean eval(Frame e) {
        return !child.eval(e);
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
