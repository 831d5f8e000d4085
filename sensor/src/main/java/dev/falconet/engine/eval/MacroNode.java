package dev.falconet.engine.eval;

import dev.falconet.engine.explain.ExplainNode;
import dev.falconet.rules.ast.Pos;
import java.util.List;

/**
 * A macro's compiled body, kept as a node so explanations can name the macro. Evaluation just
 * delegates (the JIT inlines it).
 */
public final class MacroNode implements Node {
    private final String name;
    private final Node body;
    private final Pos pos;

    public MacroNode(String name, Node body, Pos pos) {
        this.name = name;
        this.body = body;
        this.pos = pos;
    }

    @Override
    public boolean eval(Frame e) {
        return body.eval(e);
    }

    @Override
    public ExplainNode explain(Frame e) {
        ExplainNode x = body.explain(e);
        return new ExplainNode(ExplainNode.Kind.MACRO, name, x.outcome(), List.of(), List.of(x), pos.line(), pos.column());
    }

    @Override
    public ExplainNode skipped() {
        return new ExplainNode(ExplainNode.Kind.MACRO, name, ExplainNode.Outcome.NOT_EVALUATED, List.of(), List.of(body.skipped()),
                pos.line(), pos.column());
    }
}
