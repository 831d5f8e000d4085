package dev.falconet.rules.ast;

import java.util.List;

/**
 * Prints a tree back as condition text, fully parenthesised, values always double-quoted:
 * one canonical text per tree (positions ignored), which tests compare and explanations show.
 */
public final class ExprPrinter {
    private ExprPrinter() {}

    public static String print(Expr e) {
        StringBuilder sb = new StringBuilder(64);
        print(e, sb);
        return sb.toString();
    }

    public static String print(Operand o) {
        StringBuilder sb = new StringBuilder(32);
        print(o, sb);
        return sb.toString();
    }

    // one builder for the whole tree, no streams: the engine prints every node's text at each (cold) load
    private static void print(Expr e, StringBuilder sb) {
        switch (e) {
            case Expr.And a -> junction(a.children(), " and ", sb);
            case Expr.Or o -> junction(o.children(), " or ", sb);
            case Expr.Not n -> {
                if (n.child() instanceof Expr.Not) {
                    sb.append("not (");
                    print(n.child(), sb);
                    sb.append(')');
                } else {
                    sb.append("not ");
                    print(n.child(), sb);
                }
            }
            case Expr.MacroRef m -> sb.append(m.name());
            case Expr.MacroUse m -> sb.append(m.name());
            case Expr.Check c -> {
                print(c.lhs(), sb);
                sb.append(' ').append(c.op().text());
                if (c.modifier() != null) sb.append(' ').append(c.modifier());
                if (c.rhs() != null) {
                    sb.append(' ');
                    if (c.op().isOrdering() && c.rhs() instanceof Operand.Value v) sb.append(v.text());
                    else print(c.rhs(), sb);
                }
            }
        }
    }

    private static void junction(List<Expr> children, String op, StringBuilder sb) {
        sb.append('(');
        for (int i = 0; i < children.size(); i++) {
            if (i > 0) sb.append(op);
            print(children.get(i), sb);
        }
        sb.append(')');
    }

    private static void print(Operand o, StringBuilder sb) {
        switch (o) {
            case Operand.Field f -> sb.append(f.text());
            case Operand.Transform t -> {
                sb.append(t.transformer().text()).append('(');
                for (int i = 0; i < t.args().size(); i++) {
                    if (i > 0) sb.append(", ");
                    print(t.args().get(i), sb);
                }
                sb.append(')');
            }
            case Operand.Value v -> quote(v.text(), sb);
            case Operand.ValueList l -> {
                sb.append('(');
                for (int i = 0; i < l.items().size(); i++) {
                    if (i > 0) sb.append(", ");
                    quote(l.items().get(i).text(), sb);
                }
                sb.append(')');
            }
            case Operand.FieldValue fv -> {
                sb.append("val(");
                print(fv.field(), sb);
                sb.append(')');
            }
        }
    }

    /** Double-quotes a value with the escapes the parser decodes. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        quote(s, sb);
        return sb.toString();
    }

    private static void quote(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append(i + 1 < s.length() && s.charAt(i + 1) == ' ' ? "\\" : "\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> sb.append(c);
            }
        }
        sb.append('"');
    }
}
