package dev.falconet.engine.eval;

import dev.falconet.engine.explain.ExplainNode;
import dev.falconet.engine.explain.FieldRead;
import dev.falconet.event.EventTypes;
import dev.falconet.rules.ast.Pos;
import java.util.List;

/** {@code evt.type = x}, {@code evt.type in (...)}, {@code evt.type != x}: a table lookup on the event type id. */
public final class EventTypeNode implements Node {
    private final boolean[] matches;
    private final String text;
    private final String field;
    private final Pos pos;

    public EventTypeNode(boolean[] matches, String text, String field, Pos pos) {
        this.matches = matches.clone();
        this.text = text;
        this.field = field;
        this.pos = pos;
    }

    @Override
    public boolean eval(Frame f) {
        return matches[f.event().type()];
    }

    @Override
    public ExplainNode explain(Frame f) {
        return new ExplainNode(ExplainNode.Kind.CHECK, text, eval(f) ? ExplainNode.Outcome.TRUE : ExplainNode.Outcome.FALSE,
                List.of(new FieldRead(field, EventTypes.name(f.event().type()), null)), List.of(), pos.line(), pos.column());
    }

    @Override
    public ExplainNode skipped() {
        return new ExplainNode(ExplainNode.Kind.CHECK, text, ExplainNode.Outcome.NOT_EVALUATED, List.of(), List.of(), pos.line(), pos.column());
    }
}
