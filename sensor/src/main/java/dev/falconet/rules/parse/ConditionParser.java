package dev.falconet.rules.parse;

import dev.falconet.rules.ast.Expr;
import dev.falconet.rules.ast.Op;
import dev.falconet.rules.ast.Operand;
import dev.falconet.rules.ast.Pos;
import dev.falconet.rules.ast.Transformer;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser of Falco's condition language, compatible with libsinsp's filter parser
 * (Falco 0.42 to 0.44), quirks included. It never throws: every input gives a tree or an error
 * with Falco's message and a position.
 *
 * <h2>Grammar</h2>
 * <pre>
 * condition   := blank* or_expr blank*                       -- all input; empty input is an error
 * or_expr     := and_expr ( blank* "or"  ( blank+ and_expr | "(" embedded ) )*
 * and_expr    := not_expr ( blank* "and" ( blank+ not_expr | "(" embedded ) )*
 * not_expr    := ( "not" ws+ )* ( "not(" embedded | check )   -- ws also admits \f and \v
 * embedded    := blank* or_expr blank* ")"
 * check       := "(" embedded
 *              | field cond_tail
 *              | transformer cond_tail
 *              | identifier                                 -- a macro reference
 * cond_tail   := blank* "exists"
 *              | blank* num_op blank* ( number | rhs_transformer )
 *              | blank* str_op blank+ modifier blank+ list    -- libs 0.25 modifiers
 *              | blank* str_op blank* ( rhs_transformer | quoted | bare )
 *              | blank* list_op blank* ( list | rhs_transformer | identifier )
 * num_op      := "&lt;=" | "&lt;" | "&gt;=" | "&gt;"
 * str_op      := "==" | "=" | "!=" | word_op
 * word_op     := ( "glob" | "iglob" | "contains" | "icontains" | "bcontains" | "startswith"
 *                | "bstartswith" | "endswith" | "regex" ) blank+   -- the blank is required
 * list_op     := "intersects" | "in" | "pmatch"               -- no blank required after
 * modifier    := "oneof" | "anyof" | "allof"
 * list        := "(" blank* [ value ( blank* "," blank* value )* ] blank* ")"
 * value       := quoted | bare
 * field       := fieldname [ "[" ( quoted | argbare ) "]" ]   -- no blank before "["
 * fieldname   := segment ( "." segment )+ ;  segment := [A-Za-z][A-Za-z0-9_]*
 * transformer := tname "(" blank* ( transformer | field ) blank* ")"   -- tname touches "("
 * tname       := "tolower" | "toupper" | "b64" | "basename" | "len"
 * rhs_transformer := "val(" blank* ( field | transformer ) blank* ")" | transformer
 * identifier  := [A-Za-z][A-Za-z0-9_]*
 * number      := [+-]?[0-9]+(\.[0-9]*)?([eE][+-][0-9]+)? | 0[xX][0-9a-fA-F]+
 * bare        := one or more characters other than blanks ( ) " ' = ,
 * argbare     := one or more characters other than blanks [ ] ' "
 * quoted      := '...' | "..."   -- closed by its quote unless a backslash precedes it
 * blank       := space | \t | \b | \r | \n
 * </pre>
 *
 * <p>Operators are recognised by prefix in a fixed order ({@code exists}; {@code <= < >= >};
 * {@code == = != glob iglob contains icontains bcontains startswith bstartswith endswith regex};
 * {@code intersects in pmatch}), keywords are lowercase only, {@code not not x} is {@code x}, and
 * runs of one boolean operator become one n-ary node.
 */
public final class ConditionParser {
    /** Falco's nesting limit for rule conditions. */
    public static final int DEFAULT_MAX_DEPTH = 1000;

    private static final String[] NUM_OPS = {"<=", "<", ">=", ">"};
    private static final String[] STR_OPS = {"==", "=", "!="};
    private static final String[] WORD_OPS = {"glob", "iglob", "contains", "icontains", "bcontains",
            "startswith", "bstartswith", "endswith", "regex"};
    private static final String[] LIST_OPS = {"intersects", "in", "pmatch"};
    private static final String[] MODIFIERS = {"oneof", "anyof", "allof"};
    private static final String OPERATOR_LIST =
            "'=', '==', '!=', '<', '<=', '>', '>=', 'glob', 'iglob', 'contains', 'icontains', 'bcontains', "
                    + "'startswith', 'bstartswith', 'endswith', 'regex', 'in', 'intersects', 'pmatch', 'exists'";

    private final String in;
    private final int maxDepth;
    private int pos;
    private int depth;
    /** Text of the last token consumed, for "unexpected token after ..." messages. */
    private String lastToken = "";
    /** Offsets where lines start, computed on first use. */
    private int[] lineStarts;

    private ConditionParser(String text, int maxDepth) {
        this.in = text;
        this.maxDepth = maxDepth;
    }

    /** Parses a condition with Falco's default depth limit. Never throws. */
    public static ParseResult parse(String text) {
        return parse(text, DEFAULT_MAX_DEPTH);
    }

    /** Parses a condition with the given nesting limit. Never throws. */
    public static ParseResult parse(String text, int maxDepth) {
        if (text == null) text = "";
        ConditionParser p = new ConditionParser(text, maxDepth);
        try {
            return new ParseResult(p.parseCondition(), null);
        } catch (Failure f) {
            return new ParseResult(null, new ParseError(f.getMessage(), p.posAt(f.offset)));
        } catch (StackOverflowError e) {
            return new ParseResult(null, new ParseError("condition is nested too deeply", p.posAt(p.pos)));
        }
    }

    // ---------------------------------------------------------------- boolean structure

    private Expr parseCondition() {
        skipBlanks();
        if (pos >= in.length()) throw fail("filter input string is empty");
        Expr e = parseOr();
        skipBlanks();
        if (pos < in.length()) throw fail("unexpected token after '" + lastToken + "', expecting 'or', 'and'");
        return e;
    }

    private Expr parseOr() {
        int start = pos;
        List<Expr> children = new ArrayList<>();
        children.add(parseAnd());
        while (true) {
            int save = pos;
            skipBlanks();
            if (!lookingAt("or")) {
                pos = save;
                break;
            }
            pos += 2;
            lastToken = "or";
            if (skipBlanks() > 0) {
                children.add(parseAnd());
            } else if (peek('(')) {
                pos++;
                children.add(parseEmbedded());
            } else {
                throw fail("expected blank or '(' after 'or'");
            }
        }
        return children.size() == 1 ? children.getFirst() : new Expr.Or(children, posAt(start));
    }

    private Expr parseAnd() {
        int start = pos;
        List<Expr> children = new ArrayList<>();
        children.add(parseNot());
        while (true) {
            int save = pos;
            skipBlanks();
            if (!lookingAt("and")) {
                pos = save;
                break;
            }
            pos += 3;
            lastToken = "and";
            if (skipBlanks() > 0) {
                children.add(parseNot());
            } else if (peek('(')) {
                pos++;
                children.add(parseEmbedded());
            } else {
                throw fail("expected blank or '(' after 'and'");
            }
        }
        return children.size() == 1 ? children.getFirst() : new Expr.And(children, posAt(start));
    }

    private Expr parseNot() {
        int start = pos;
        int nots = 0;
        Expr inner;
        while (true) {
            if (lookingAt("not") && pos + 3 < in.length() && isNotSeparator(in.charAt(pos + 3))) {
                pos += 3;
                lastToken = "not";
                while (pos < in.length() && isNotSeparator(in.charAt(pos))) pos++;
                nots++;
                continue;
            }
            if (lookingAt("not(")) {
                pos += 4;
                lastToken = "not";
                nots++;
                inner = parseEmbedded();
                break;
            }
            inner = parseCheck();
            break;
        }
        return nots % 2 == 0 ? inner : new Expr.Not(inner, posAt(start));
    }

    /** After an opening parenthesis: an expression and the closing parenthesis. */
    private Expr parseEmbedded() {
        if (++depth > maxDepth) throw fail("exceeded max depth limit of " + maxDepth);
        skipBlanks();
        Expr e = parseOr();
        skipBlanks();
        if (!peek(')')) throw fail("expected a ')' token");
        pos++;
        lastToken = ")";
        depth--;
        return e;
    }

    // ---------------------------------------------------------------- checks

    private Expr parseCheck() {
        int start = pos;
        if (peek('(')) {
            pos++;
            lastToken = "(";
            return parseEmbedded();
        }
        Operand.Transform t = tryTransformer();
        if (t != null) return parseCondTail(t, start);
        Operand.Field f = tryField();
        if (f != null) return parseCondTail(f, start);
        String id = tryIdentifier();
        if (id != null) {
            lastToken = id;
            return new Expr.MacroRef(id, posAt(start));
        }
        throw fail("expected a '(' token, a field check, or an identifier");
    }

    private Expr parseCondTail(Operand lhs, int start) {
        skipBlanks();
        if (lookingAt("exists")) {
            pos += 6;
            lastToken = "exists";
            return new Expr.Check(lhs, Op.EXISTS, null, null, posAt(start));
        }
        for (String op : NUM_OPS) {
            if (lookingAt(op)) {
                pos += op.length();
                lastToken = op;
                skipBlanks();
                Operand rhs = tryRhsTransformer();
                if (rhs == null) rhs = tryNumber();
                if (rhs == null) throw fail("expected a number value or a field with a valid transformer: 'val', 'tolower', 'toupper', 'b64', 'basename', 'len'");
                return new Expr.Check(lhs, Op.fromText(op), null, rhs, posAt(start));
            }
        }
        String strOp = matchStrOp();
        if (strOp != null) {
            skipBlanks();
            String modifier = tryModifier();
            if (modifier != null) {
                Operand.ValueList list = parseList();
                return new Expr.Check(lhs, Op.fromText(strOp), modifier, list, posAt(start));
            }
            Operand rhs = tryRhsTransformer();
            if (rhs == null) rhs = tryQuoted();
            if (rhs == null) rhs = tryBare();
            if (rhs == null) throw fail("expected a string value or a field with a valid transformer: 'val', 'tolower', 'toupper', 'b64', 'basename', 'len'");
            return new Expr.Check(lhs, Op.fromText(strOp), null, rhs, posAt(start));
        }
        for (String op : LIST_OPS) {
            if (lookingAt(op)) {
                pos += op.length();
                lastToken = op;
                skipBlanks();
                Operand rhs;
                if (peek('(')) {
                    rhs = parseList();
                } else if ((rhs = tryRhsTransformer()) == null) {
                    int idStart = pos;
                    String id = tryIdentifier();
                    if (id == null) throw fail("expected a list, a field with a valid transformer, or an identifier");
                    lastToken = id;
                    Pos p = posAt(idStart);
                    rhs = new Operand.ValueList(List.of(new Operand.Value(id, false, p)), p);
                }
                return new Expr.Check(lhs, Op.fromText(op), null, rhs, posAt(start));
            }
        }
        throw fail("expected a valid check operator: one of " + OPERATOR_LIST);
    }

    /** A string operator, with the blank that word operators require; null when none matches here. */
    private String matchStrOp() {
        for (String op : STR_OPS) {
            if (lookingAt(op)) {
                pos += op.length();
                lastToken = op;
                return op;
            }
        }
        for (String op : WORD_OPS) {
            int end = pos + op.length();
            if (lookingAt(op) && end < in.length() && isBlank(in.charAt(end))) {
                pos = end;
                lastToken = op;
                return op;
            }
        }
        return null;
    }

    /** {@code oneof (...)} and friends: a modifier only when blanks and a list follow it. */
    private String tryModifier() {
        for (String m : MODIFIERS) {
            int end = pos + m.length();
            if (lookingAt(m) && end < in.length() && isBlank(in.charAt(end))) {
                int p = end;
                while (p < in.length() && isBlank(in.charAt(p))) p++;
                if (p < in.length() && in.charAt(p) == '(') {
                    pos = p;
                    lastToken = m;
                    return m;
                }
            }
        }
        return null;
    }

    private Operand.ValueList parseList() {
        int start = pos;
        if (!peek('(')) throw fail("expected a '(' token");
        pos++;
        lastToken = "(";
        List<Operand.Value> items = new ArrayList<>();
        skipBlanks();
        if (peek(')')) {
            pos++;
            lastToken = ")";
            return new Operand.ValueList(items, posAt(start));
        }
        while (true) {
            skipBlanks();
            Operand.Value v = tryQuoted();
            if (v == null) v = tryBare();
            if (v == null) throw fail("expected a list value: a quoted string or a bare string");
            items.add(v);
            skipBlanks();
            if (peek(',')) {
                pos++;
                lastToken = ",";
                continue;
            }
            if (peek(')')) {
                pos++;
                lastToken = ")";
                return new Operand.ValueList(items, posAt(start));
            }
            throw fail("expected a ',' or a ')' token");
        }
    }

    // ---------------------------------------------------------------- operands

    private Operand.Field tryField() {
        int start = pos;
        int p = scanSegment(pos);
        if (p < 0) return null;
        int segments = 1;
        while (p < in.length() && in.charAt(p) == '.') {
            int q = scanSegment(p + 1);
            if (q < 0) break;
            p = q;
            segments++;
        }
        if (segments < 2) return null;
        String name = in.substring(start, p);
        pos = p;
        lastToken = name;
        String arg = null;
        if (peek('[')) {
            pos++;
            Operand.Value q = tryQuoted();
            if (q != null) {
                arg = q.text();
            } else {
                int s = pos;
                while (pos < in.length() && !isBlank(in.charAt(pos)) && "[]'\"".indexOf(in.charAt(pos)) < 0) pos++;
                if (pos == s) throw fail("expected a valid field argument: a quoted string or a bare string");
                arg = in.substring(s, pos);
            }
            if (!peek(']')) throw fail("expected a ']' token");
            pos++;
            lastToken = name + "[" + arg + "]";
        }
        return new Operand.Field(name, arg, posAt(start));
    }

    /** End of an identifier segment starting at {@code p}, or -1. */
    private int scanSegment(int p) {
        if (p >= in.length() || !isAsciiLetter(in.charAt(p))) return -1;
        p++;
        while (p < in.length() && isIdentChar(in.charAt(p))) p++;
        return p;
    }

    private String tryIdentifier() {
        int end = scanSegment(pos);
        if (end < 0) return null;
        String id = in.substring(pos, end);
        pos = end;
        return id;
    }

    /** {@code tname(arg)} with the name touching its parenthesis; null (position unchanged) when absent. */
    private Operand.Transform tryTransformer() {
        int start = pos;
        int end = scanSegment(pos);
        if (end < 0 || end >= in.length() || in.charAt(end) != '(') return null;
        Transformer t = Transformer.fromText(in.substring(pos, end));
        if (t == null) return null;
        pos = end + 1;
        lastToken = t.text() + "(";
        if (++depth > maxDepth) throw fail("exceeded max depth limit of " + maxDepth);
        skipBlanks();
        Operand arg = tryTransformer();
        if (arg == null) arg = tryField();
        if (arg == null) throw fail("expected a field or a transformer as the argument of '" + t.text() + "'");
        skipBlanks();
        if (!peek(')')) throw fail("expected a ')' token");
        pos++;
        lastToken = ")";
        depth--;
        return new Operand.Transform(t, List.of(arg), posAt(start));
    }

    /** {@code val(field)} or a transformer, on the right-hand side. */
    private Operand tryRhsTransformer() {
        int start = pos;
        if (lookingAt("val(")) {
            pos += 4;
            lastToken = "val(";
            skipBlanks();
            Operand arg = tryTransformer();
            if (arg == null) arg = tryField();
            if (arg == null) throw fail("expected a field or a transformer as the argument of 'val'");
            skipBlanks();
            if (!peek(')')) throw fail("expected a ')' token");
            pos++;
            lastToken = ")";
            return new Operand.FieldValue(arg, posAt(start));
        }
        return tryTransformer();
    }

    private Operand.Value tryNumber() {
        int start = pos;
        int p = pos;
        if (p + 1 < in.length() && in.charAt(p) == '0' && (in.charAt(p + 1) == 'x' || in.charAt(p + 1) == 'X')) {
            int q = p + 2;
            while (q < in.length() && isHex(in.charAt(q))) q++;
            if (q > p + 2) {
                pos = q;
                lastToken = in.substring(start, q);
                return new Operand.Value(lastToken, false, posAt(start));
            }
        }
        if (p < in.length() && (in.charAt(p) == '+' || in.charAt(p) == '-')) p++;
        int digits = p;
        while (p < in.length() && isDigit(in.charAt(p))) p++;
        if (p == digits) return null;
        if (p < in.length() && in.charAt(p) == '.') {
            p++;
            while (p < in.length() && isDigit(in.charAt(p))) p++;
        }
        if (p + 2 < in.length() && (in.charAt(p) == 'e' || in.charAt(p) == 'E')
                && (in.charAt(p + 1) == '+' || in.charAt(p + 1) == '-') && isDigit(in.charAt(p + 2))) {
            p += 2;
            while (p < in.length() && isDigit(in.charAt(p))) p++;
        }
        pos = p;
        lastToken = in.substring(start, p);
        return new Operand.Value(lastToken, false, posAt(start));
    }

    private Operand.Value tryBare() {
        int start = pos;
        while (pos < in.length() && !isBlank(in.charAt(pos)) && "()\"'=,".indexOf(in.charAt(pos)) < 0) pos++;
        if (pos == start) return null;
        lastToken = in.substring(start, pos);
        return new Operand.Value(lastToken, false, posAt(start));
    }

    /**
     * A quoted string. The closing quote is the first quote of the opening kind not preceded by a
     * backslash (libsinsp's lexer: so {@code 'C:\\'} never closes). Escapes are decoded afterwards.
     */
    private Operand.Value tryQuoted() {
        if (pos >= in.length()) return null;
        char q = in.charAt(pos);
        if (q != '"' && q != '\'') return null;
        int start = pos;
        int p = pos + 1;
        while (p < in.length() && !(in.charAt(p) == q && in.charAt(p - 1) != '\\')) p++;
        if (p >= in.length()) throw failAt(start, "unterminated string: a " + q + " closing quote is missing");
        String raw = in.substring(start + 1, p);
        pos = p + 1;
        lastToken = in.substring(start, pos);
        return new Operand.Value(unescape(raw, q, start), true, posAt(start));
    }

    private String unescape(String raw, char quote, int start) {
        if (raw.indexOf('\\') < 0) return raw;
        StringBuilder sb = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (i + 1 >= raw.length()) throw failAt(start, "unsupported string escape sequence: a lone '\\' at the end");
            char e = raw.charAt(++i);
            switch (e) {
                case '\\' -> sb.append('\\');
                case '/' -> sb.append('/');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case ' ' -> sb.append("\\ ");
                case '"' -> {
                    if (quote != '"') throw failAt(start, "unsupported string escape sequence: \\\" inside a single-quoted string");
                    sb.append('"');
                }
                case '\'' -> {
                    if (quote != '\'') throw failAt(start, "unsupported string escape sequence: \\' inside a double-quoted string");
                    sb.append('\'');
                }
                default -> throw failAt(start, "unsupported string escape sequence: \\" + e);
            }
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- lexing helpers

    private int skipBlanks() {
        int s = pos;
        while (pos < in.length() && isBlank(in.charAt(pos))) pos++;
        return pos - s;
    }

    private boolean lookingAt(String s) {
        return in.startsWith(s, pos);
    }

    private boolean peek(char c) {
        return pos < in.length() && in.charAt(pos) == c;
    }

    static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\b' || c == '\r' || c == '\n';
    }

    /** After {@code not}: blanks, form feed and vertical tab. */
    private static boolean isNotSeparator(char c) {
        return isBlank(c) || c == '\f' || c == 0x0b;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHex(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isIdentChar(char c) {
        return isAsciiLetter(c) || isDigit(c) || c == '_';
    }

    private Pos posAt(int offset) {
        if (lineStarts == null) {
            int[] starts = new int[8];
            int n = 1; // starts[0] = 0
            for (int i = 0; i < in.length(); i++) {
                if (in.charAt(i) != '\n') continue;
                if (n == starts.length) starts = java.util.Arrays.copyOf(starts, n * 2);
                starts[n++] = i + 1;
            }
            lineStarts = java.util.Arrays.copyOf(starts, n);
        }
        int off = Math.min(Math.max(offset, 0), in.length());
        int idx = java.util.Arrays.binarySearch(lineStarts, off);
        int line = idx >= 0 ? idx : -idx - 2;
        return new Pos(off, line + 1, off - lineStarts[line] + 1);
    }

    private Failure fail(String message) {
        return new Failure(message, pos);
    }

    private Failure failAt(int offset, String message) {
        return new Failure(message, offset);
    }

    /** Internal: unwinds the descent; turned into a {@link ParseError} by {@link #parse}. */
    private static final class Failure extends RuntimeException {
        final int offset;

        Failure(String message, int offset) {
            super(message, null, false, false);
            this.offset = offset;
        }
    }
}
