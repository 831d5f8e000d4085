package dev.falconet.engine.eval;

import dev.falconet.engine.explain.ExplainNode;
import dev.falconet.rules.ast.Pos;
import java.util.List;

/**
 * A macro's compiled body, kept as a node so explanations can name the macro. Its value is
 * memoised per event in the frame, so the rules that share a macro evaluate it once per event.
 */
public final class MacroNode implements Node {
    private final String name;
    private final Node body;
    private final Pos pos;
    private final int slot;

    /** @param slot the frame slot that memoises this macro's value per event */
    public MacroNode(String name, Node body, Pos pos, int slot) {
        this.name = name;
        this.body = body;
        this.pos = pos;
        this.slot = slot;
    }

    public String name() {
        return name;
    }

    /** The compiled body. */
    public Node body() {
        return body;
    }

    /** The frame slot that memoises the macro's value per event. */
    public int slot() {
        return slot;
    }

    /** The same macro (name, slot) with a rewritten body of the same truth value. */
    public MacroNode withBody(Node newBody) {
        return new MacroNode(name, newBody, pos, slot);
    }

    @Override
    public boolean eval(Frame e) {
        return e.macro(slot, body);
    }

    @Override
    public Node specialize(int eventType) {
        Node b = body.specialize(eventType);
        if (b instanceof ConstNode) return b;
        return b == body ? this : new MacroNode(name, b, pos, slot);
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
