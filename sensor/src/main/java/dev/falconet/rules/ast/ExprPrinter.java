package dev.falconet.rules.ast;

import java.util.stream.Collectors;

/**
 * Prints a tree back as condition text, fully parenthesised, values always double-quoted:
 * one canonical text per tree (positions ignored), which tests compare and explanations show.
 */
public final class ExprPrinter {
    private ExprPrinter() {}

    public static String print(Expr e) {
        return switch (e) {
            case Expr.And a -> a.children().stream().map(ExprPrinter::print).collect(Collectors.joining(" and ", "(", ")"));
            case Expr.Or o -> o.children().stream().map(ExprPrinter::print).collect(Collectors.joining(" or ", "(", ")"));
            case Expr.Not n -> n.child() instanceof Expr.Not ? "not (" + print(n.child()) + ")" : "not " + print(n.child());
            case Expr.MacroRef m -> m.name();
            case Expr.MacroUse m -> m.name();
            case Expr.Check c -> print(c.lhs()) + " " + c.op().text()
                    + (c.modifier() == null ? "" : " " + c.modifier())
                    + (c.rhs() == null ? "" : " " + (c.op().isOrdering() && c.rhs() instanceof Operand.Value v ? v.text() : print(c.rhs())));
        };
    }

    public static String print(Operand o) {
        return switch (o) {
            case Operand.Field f -> f.text();
            case Operand.Transform t -> t.transformer().text() + "("
                    + t.args().stream().map(ExprPrinter::print).collect(Collectors.joining(", ")) + ")";
            case Operand.Value v -> quote(v.text());
            case Operand.ValueList l -> l.items().stream().map(v -> quote(v.text())).collect(Collectors.joining(", ", "(", ")"));
            case Operand.FieldValue fv -> "val(" + print(fv.field()) + ")";
        };
    }

    /** Double-quotes a value with the escapes the parser decodes. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
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
        return sb.append('"').toString();
    }
}
