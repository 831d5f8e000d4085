package dev.falconet.rules.ast;

import java.util.List;
import java.util.Objects;

/**
 * A node of a condition's syntax tree. Immutable; every node has its position in the condition text.
 *
 * <p>Shape: runs of the same boolean operator are one n-ary {@link And}/{@link Or}; parentheses add
 * no node; an even number of {@code not}s cancels out. {@link MacroRef} is what the parser produces
 * for a bare identifier; macro resolution replaces it by a {@link MacroUse} holding the macro's tree,
 * so explanations can still name the macro.
 */
public sealed interface Expr permits Expr.And, Expr.Or, Expr.Not, Expr.MacroRef, Expr.MacroUse, Expr.Check {

    Pos pos();

    record And(List<Expr> children, Pos pos) implements Expr {
        public And {
            children = List.copyOf(children);
            if (children.size() < 2) throw new IllegalArgumentException("and needs two or more operands");
        }
    }

    record Or(List<Expr> children, Pos pos) implements Expr {
        public Or {
            children = List.copyOf(children);
            if (children.size() < 2) throw new IllegalArgumentException("or needs two or more operands");
        }
    }

    record Not(Expr child, Pos pos) implements Expr {
        public Not {
            Objects.requireNonNull(child, "child");
        }
    }

    /** A bare identifier in check position: a reference to a macro, not yet resolved. */
    record MacroRef(String name, Pos pos) implements Expr {}

    /** A resolved macro reference: the macro's name and its (resolved) tree. */
    record MacroUse(String name, Expr body, Pos pos) implements Expr {
        public MacroUse {
            Objects.requireNonNull(body, "body");
        }
    }

    /**
     * A comparison: {@code lhs op rhs}. {@code rhs} is null exactly for {@link Op#EXISTS}.
     * {@code modifier} is the libs 0.25 string-operator modifier ({@code oneof}, {@code anyof},
     * {@code allof}) or null.
     */
    record Check(Operand lhs, Op op, String modifier, Operand rhs, Pos pos) implements Expr {
        public Check {
            Objects.requireNonNull(lhs, "lhs");
            Objects.requireNonNull(op, "op");
            if ((op == Op.EXISTS) != (rhs == null)) throw new IllegalArgumentException("exists takes no value; other operators need one");
        }
    }
}
