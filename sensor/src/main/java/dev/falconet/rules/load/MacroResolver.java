package dev.falconet.rules.load;

import dev.falconet.rules.ast.Expr;
import dev.falconet.rules.ast.Pos;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Stage 7: replaces each {@link Expr.MacroRef} by a {@link Expr.MacroUse} holding the macro's tree, as
 * Falco's filter_macro_resolver does: the referenced macro's current tree is substituted and resolved in
 * turn with the same set of visible macros; a macro met again on the way is a "reference loop"; an
 * invisible or unknown name is an undefined macro. Trees are immutable, so an already resolved macro is
 * shared, not copied.
 */
final class MacroResolver {
    /** Resolution steps allowed for one condition; guards against exponential re-expansion. */
    static final int MAX_STEPS = 1_000_000;

    /** A macro as the resolver sees it: its current tree and the text its positions refer to. */
    interface MacroDef {
        String name();

        /** How deep macro uses nest inside this macro's resolved tree (0 when it uses none or is unresolved). */
        int nesting();

        Expr tree();

        TracedText text();

        /** The macro could not be parsed or resolved itself. */
        boolean failed();
    }

    /** A problem at a reference: {@code at} is the reference's position in {@code text}. */
    record Problem(String message, TracedText text, Pos at) {}

    /**
     * The resolved tree (null on any problem), the problems, the macros resolved along the way, and how deep
     * macro uses nest in the tree.
     */
    record Result(Expr tree, List<Problem> loops, List<Problem> unknown, List<Problem> broken, Set<String> used,
                  int nesting) {
        boolean ok() {
            return tree != null;
        }
    }

    private final Function<String, MacroDef> visible;
    private final Deque<String> path = new ArrayDeque<>();
    private final List<Problem> loops = new ArrayList<>();
    private final List<Problem> unknown = new ArrayList<>();
    private final List<Problem> broken = new ArrayList<>();
    private final Set<String> used = new LinkedHashSet<>();
    private int steps;
    private boolean tooLarge;
    private int nesting;

    private MacroResolver(Function<String, MacroDef> visible) {
        this.visible = visible;
    }

    /**
     * Resolves {@code tree}, whose positions refer to {@code text}; {@code visible} returns the macro a name
     * refers to, or null when no visible macro has that name.
     */
    static Result resolve(Expr tree, TracedText text, Function<String, MacroDef> visible) {
        MacroResolver r = new MacroResolver(visible);
        Expr out = r.visit(tree, text);
        if (r.tooLarge) {
            r.loops.addFirst(new Problem("macro expansion is too large (more than " + MAX_STEPS + " steps)", text, tree.pos()));
        }
        boolean ok = r.loops.isEmpty() && r.unknown.isEmpty() && r.broken.isEmpty();
        return new Result(ok ? out : null, List.copyOf(r.loops), List.copyOf(r.unknown), List.copyOf(r.broken), r.used,
                r.nesting);
    }

    private Expr visit(Expr e, TracedText text) {
        if (++steps > MAX_STEPS) {
            tooLarge = true;
            return e;
        }
        return switch (e) {
            case Expr.And a -> {
                List<Expr> cs = visitAll(a.children(), text);
                yield cs == null ? a : new Expr.And(cs, a.pos());
            }
            case Expr.Or o -> {
                List<Expr> cs = visitAll(o.children(), text);
                yield cs == null ? o : new Expr.Or(cs, o.pos());
            }
            case Expr.Not n -> {
                Expr c = visit(n.child(), text);
                yield c == n.child() ? n : new Expr.Not(c, n.pos());
            }
            case Expr.Check c -> c;
            case Expr.MacroUse u -> u;
            case Expr.MacroRef ref -> reference(ref, text);
        };
    }

    private List<Expr> visitAll(List<Expr> children, TracedText text) {
        List<Expr> out = null;
        for (int i = 0; i < children.size(); i++) {
            Expr c = children.get(i);
            Expr v = visit(c, text);
            if (v != c && out == null) out = new ArrayList<>(children.subList(0, i));
            if (out != null) out.add(v);
        }
        return out;
    }

    private Expr reference(Expr.MacroRef ref, TracedText text) {
        MacroDef m = visible.apply(ref.name());
        if (m == null) {
            unknown.add(new Problem("Undefined macro '" + ref.name() + "' used in filter.", text, ref.pos()));
            return ref;
        }
        if (path.contains(m.name())) {
            loops.add(new Problem("reference loop in macro '" + m.name() + "'", text, ref.pos()));
            return ref;
        }
        if (m.failed() || m.tree() == null) {
            used.add(m.name());
            broken.add(new Problem("Macro '" + m.name() + "' has errors, so this condition cannot be compiled",
                    text, ref.pos()));
            return ref;
        }
        path.push(m.name());
        nesting = Math.max(nesting, path.size() + m.nesting());
        Expr body = visit(m.tree(), m.text());
        path.pop();
        used.add(m.name());
        return new Expr.MacroUse(m.name(), body, ref.pos());
    }
}
