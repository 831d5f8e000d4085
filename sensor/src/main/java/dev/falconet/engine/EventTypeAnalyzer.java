package dev.falconet.engine;

import dev.falconet.event.EventTypes;
import dev.falconet.rules.ast.Expr;
import dev.falconet.rules.ast.Op;
import dev.falconet.rules.ast.Operand;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes the event types a condition can match, as libsinsp does (falco-language.md C.4):
 * {@code evt.type}/{@code syscall.type} checks with {@code = == in} give their values, {@code !=}
 * the complement; every other check is neutral ("all"); {@code and} intersects, {@code or} unites,
 * and {@code not} is pushed to the leaves (De Morgan), complementing only event-type leaves.
 * {@code evt.num} checks that can never be true give the empty set (libs master).
 */
public final class EventTypeAnalyzer {
    private EventTypeAnalyzer() {}

    public static EventTypeSet analyze(Expr e) {
        return walk(e, false);
    }

    private static EventTypeSet walk(Expr e, boolean negated) {
        return switch (e) {
            case Expr.And a -> combine(a.children(), negated, !negated);
            case Expr.Or o -> combine(o.children(), negated, negated);
            case Expr.Not n -> walk(n.child(), !negated);
            case Expr.MacroUse m -> walk(m.body(), negated);
            case Expr.MacroRef m -> EventTypeSet.ALL;
            case Expr.Check c -> leaf(c, negated);
        };
    }

    /** Intersect when {@code intersect}, else unite. */
    private static EventTypeSet combine(List<Expr> children, boolean negated, boolean intersect) {
        EventTypeSet acc = null;
        for (Expr c : children) {
            EventTypeSet s = walk(c, negated);
            acc = acc == null ? s : intersect ? acc.intersect(s) : acc.union(s);
        }
        return acc;
    }

    private static EventTypeSet leaf(Expr.Check c, boolean negated) {
        if (!(c.lhs() instanceof Operand.Field f) || f.arg() != null) return EventTypeSet.ALL;
        if (f.name().equals("evt.num")) return negated ? EventTypeSet.ALL : evtNum(c);
        if (!f.name().equals("evt.type") && !f.name().equals("syscall.type")) return EventTypeSet.ALL;
        EventTypeSet set;
        switch (c.op()) {
            case EQ, EQEQ, IN -> set = named(c.rhs());
            case NE -> set = named(c.rhs()) == null ? null : named(c.rhs()).complement();
            default -> set = null;
        }
        if (set == null) return EventTypeSet.ALL;
        return negated ? set.complement() : set;
    }

    private static EventTypeSet named(Operand rhs) {
        List<String> names = new ArrayList<>();
        switch (rhs) {
            case Operand.Value v -> names.add(v.text());
            case Operand.ValueList l -> l.items().forEach(v -> names.add(v.text()));
            default -> {
                return null;
            }
        }
        int[] ids = names.stream().mapToInt(EventTypes::id).filter(id -> id >= 0).toArray();
        return EventTypeSet.of(ids);
    }

    /** {@code evt.num} starts at 1: {@code =0}, {@code <1}, {@code <=0}, {@code in (0)} never match. */
    private static EventTypeSet evtNum(Expr.Check c) {
        List<Long> values = new ArrayList<>();
        if (c.rhs() instanceof Operand.Value v) values.add(parse(v.text()));
        else if (c.rhs() instanceof Operand.ValueList l) l.items().forEach(v -> values.add(parse(v.text())));
        else return EventTypeSet.ALL;
        if (values.contains(null)) return EventTypeSet.ALL;
        boolean never = switch (c.op()) {
            case EQ, EQEQ, IN -> values.stream().allMatch(x -> x < 1);
            case LT -> values.getFirst() <= 1;
            case LE -> values.getFirst() < 1;
            default -> false;
        };
        return never ? EventTypeSet.NONE : EventTypeSet.ALL;
    }

    private static Long parse(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
