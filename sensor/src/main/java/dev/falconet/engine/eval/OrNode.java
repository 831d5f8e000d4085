package dev.falconet.engine.eval;

import dev.falconet.engine.explain.ExplainNode;
import dev.falconet.rules.ast.Pos;
import java.util.ArrayList;
import java.util.List;

/** {@code a or b or ...}: true when any operand is, evaluated left to right with short-circuit. */
public final class OrNode implements Node {
    private final Node[] children;
    private final String text;
    private final Pos pos;

    public OrNode(List<Node> children, String text, Pos pos) {
        this.children = children.toArray(Node[]::new);
        this.text = text;
        this.pos = pos;
    }

    @Override
    public boolean eval(Frame e) {
        for (Node c : children) if (c.eval(e)) return true;
        return false;
    }

    @Override
    public ExplainNode explain(Frame e) {
        List<ExplainNode> out = new ArrayList<>();
        boolean result = false;
        for (Node c : children) {
            if (result) {
                out.add(c.skipped());
                continue;
            }
            ExplainNode x = c.explain(e);
            out.add(x);
            result = x.isTrue();
        }
        return new ExplainNode(ExplainNode.Kind.OR, text, result ? ExplainNode.Outcome.TRUE : ExplainNode.Outcome.FALSE,
                List.of(), out, pos.line(), pos.column());
    }

    @Override
    public ExplainNode skipped() {
        List<ExplainNode> out = new ArrayList<>();
        for (Node c : children) out.add(c.skipped());
        return new ExplainNode(ExplainNode.Kind.OR, text, ExplainNode.Outcome.NOT_EVALUATED, List.of(), out, pos.line(), pos.column());
    }
}
