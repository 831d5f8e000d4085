package dev.falconet.rules.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falconet.rules.ast.Expr;
import dev.falconet.rules.ast.ExprPrinter;
import dev.falconet.rules.ast.Op;
import dev.falconet.rules.ast.Operand;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ConditionParserTest {

    /** Accepted conditions and their canonical print. */
    static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of("proc.name=bash", "proc.name = \"bash\""),
                Arguments.of("proc.name in(cat,less)", "proc.name in (\"cat\", \"less\")"),
                Arguments.of("proc.name in ()", "proc.name in ()"),
                Arguments.of("proc.pname in (runc:[0:PARENT], runc)", "proc.pname in (\"runc:[0:PARENT]\", \"runc\")"),
                Arguments.of("proc.name >= 5", "proc.name >= 5"),
                Arguments.of("fd.num contains 1", "fd.num contains \"1\""),
                Arguments.of("evt.rawres >= 0x10", "evt.rawres >= 0x10"),
                Arguments.of("k8s.pod.name existsand my_macro", "(k8s.pod.name exists and my_macro)"),
                Arguments.of("my_macro and notreally", "(my_macro and notreally)"),
                Arguments.of("not not proc.name = cat", "proc.name = \"cat\""),
                Arguments.of("not not not proc.name = cat", "not proc.name = \"cat\""),
                Arguments.of("proc.name = val(proc.pname)", "proc.name = val(proc.pname)"),
                Arguments.of("evt.type = opne", "evt.type = \"opne\""),
                Arguments.of("evt.is_open_read = yes", "evt.is_open_read = \"yes\""),
                Arguments.of("evt.type in (open, openat) and evt.dir = <", "(evt.type in (\"open\", \"openat\") and evt.dir = \"<\")"),
                Arguments.of("proc.nme = bash", "proc.nme = \"bash\""),
                Arguments.of("proc.name in shell_binaries", "proc.name in (\"shell_binaries\")"),
                Arguments.of("(a)and(b)", "(a and b)"),
                Arguments.of("proc.name = \"x\"or y", "(proc.name = \"x\" or y)"),
                Arguments.of("a or b and not c or d", "(a or (b and not c) or d)"),
                Arguments.of("a and b and c", "(a and b and c)"),
                Arguments.of("a and (b and c)", "(a and (b and c))"),
                Arguments.of("not (a or b)", "not (a or b)"),
                Arguments.of("not(a or b)", "not (a or b)"),
                Arguments.of("proc.aname[2] = sshd", "proc.aname[2] = \"sshd\""),
                Arguments.of("proc.env['HOME'] = /root", "proc.env[HOME] = \"/root\""),
                Arguments.of("container.mount.dest[/var/run/docker.sock] exists", "container.mount.dest[/var/run/docker.sock] exists"),
                Arguments.of("evt.arg[0] = 3", "evt.arg[0] = \"3\""),
                Arguments.of("tolower(proc.name) = bash", "tolower(proc.name) = \"bash\""),
                Arguments.of("tolower(basename(fd.name)) = x", "tolower(basename(fd.name)) = \"x\""),
                Arguments.of("fd.name = tolower(proc.name)", "fd.name = tolower(proc.name)"),
                Arguments.of("fd.name startswith /etc", "fd.name startswith \"/etc\""),
                Arguments.of("fd.name pmatch (/tmp/hello, /var)", "fd.name pmatch (\"/tmp/hello\", \"/var\")"),
                Arguments.of("proc.args contains \"a=b\"", "proc.args contains \"a=b\""),
                Arguments.of("proc.cmdline = 'sh -c uname -a 2>&1'", "proc.cmdline = \"sh -c uname -a 2>&1\""),
                Arguments.of("fd.name = \"it\\\"s\"", "fd.name = \"it\\\"s\""),
                Arguments.of("fd.name = 'it\\'s'", "fd.name = \"it's\""),
                Arguments.of("user.loginuid=-1", "user.loginuid = \"-1\""),
                Arguments.of("proc.name startswith oneof (ba, zs)", "proc.name startswith oneof (\"ba\", \"zs\")"),
                Arguments.of("proc.name = oneof", "proc.name = \"oneof\""),
                Arguments.of("proc.name=and", "proc.name = \"and\""),
                Arguments.of("evt.num=0", "evt.num = \"0\""),
                Arguments.of("fd.sport exists and not fd.sport in (22)", "(fd.sport exists and not fd.sport in (\"22\"))"),
                Arguments.of("proc.name inshell", "proc.name in (\"shell\")"),
                Arguments.of("evt.rawres >= +12.5e-3", "evt.rawres >= +12.5e-3"),
                Arguments.of("proc.name in (\"(systemd)\", '\"quoted\"')", "proc.name in (\"(systemd)\", \"\\\"quoted\\\"\")"));
    }

    @ParameterizedTest
    @MethodSource("accepted")
    void accepts(String condition, String canonical) {
        for (String variant : whitespaceVariants(condition)) {
            ParseResult r = ConditionParser.parse(variant);
            assertThat(r.error()).as("parse of <%s>", variant).isNull();
            if (canonical != null) assertThat(ExprPrinter.print(r.expr())).as("tree of <%s>", variant).isEqualTo(canonical);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "fd.name startswith/etc | expected a valid check operator",
            "proc.name in (cat,) | expected a list value",
            "proc.name in (,cat) | expected a list value",
            "proc.name in (cat,,less) | expected a list value",
            "proc.args contains a=b | unexpected token after 'a'",
            "proc.name = (systemd) | expected a string value",
            "proc.aname [2] = sshd | expected a valid check operator",
            "proc.aname[] = sshd | expected a valid field argument",
            "fd.num > abc | expected a number value",
            "evt.rawres >= 1e3 | unexpected token after '1'",
            "my_macro andother_macro | expected blank or '(' after 'and'",
            "my_macro orother_macro | expected blank or '(' after 'or'",
            "(my_macro or (other_macro) | expected a ')' token",
            "proc.name = a AND proc.name = b | unexpected token after 'a'",
            "tolower (proc.name) = bash | unexpected token after 'tolower'",
            "val(proc.name) = bash | unexpected token after 'val'",
            "`fd.name = \"it\\'s\"` | unsupported string escape sequence",
            "`fd.name = 'C:\\\\'` | unterminated string",
            "8ball.name = x | expected a '(' token, a field check, or an identifier",
            "`` | filter input string is empty",
            "`   ` | filter input string is empty",
            "macro > 1 | unexpected token after 'macro'",
            "container.privileged | expected a valid check operator",
            "proc.name === x | expected a string value",
            "proc.name = x) | unexpected token after 'x'",
            "proc.name in /bin/sh | expected a list, a field with a valid transformer, or an identifier",
            "`fd.name = \"a\\qb\"` | unsupported string escape sequence",
            "proc.aname[2 = x | expected a ']' token",
            "( | filter input string is empty",
            "a or | expected blank or '(' after 'or'",
            "NOT a | unexpected token after 'NOT'",
    })
    void rejects(String condition, String message) {
        String c = condition == null ? "" : condition;
        ParseResult r = ConditionParser.parse(c);
        assertThat(r.ok()).as("<%s> must not parse", c).isFalse();
        if (!c.equals("(")) assertThat(r.error().message()).contains(message);
    }

    @Test
    void openParenAloneIsAnError() {
        ParseResult r = ConditionParser.parse("(");
        assertThat(r.ok()).isFalse();
        assertThat(r.error().message()).isEqualTo("expected a '(' token, a field check, or an identifier");
    }

    @Test
    void trailingWordOperatorNeedsBlank() {
        assertThat(ConditionParser.parse("fd.name contains").ok()).isFalse();
    }

    @Test
    void positionsPointAtTheOffendingText() {
        ParseResult r = ConditionParser.parse("proc.name = a and\n  fd.name startswith/etc");
        assertThat(r.error().pos().line()).isEqualTo(2);
        assertThat(r.error().pos().column()).isEqualTo(11);
        Expr.And and = (Expr.And) ConditionParser.parse("a and\n   b").expr();
        assertThat(and.children().get(1).pos().line()).isEqualTo(2);
        assertThat(and.children().get(1).pos().column()).isEqualTo(4);
    }

    @Test
    void checkShape() {
        Expr.Check c = (Expr.Check) ConditionParser.parse("proc.aname[2] in (sshd, \"a b\")").expr();
        assertThat(c.op()).isEqualTo(Op.IN);
        assertThat(c.lhs()).isEqualTo(new Operand.Field("proc.aname", "2", c.lhs().pos()));
        Operand.ValueList list = (Operand.ValueList) c.rhs();
        assertThat(list.items()).extracting(Operand.Value::text).containsExactly("sshd", "a b");
        assertThat(list.items()).extracting(Operand.Value::quoted).containsExactly(false, true);
    }

    @Test
    void deepNestingIsAnErrorNotACrash() {
        String deep = "(".repeat(20_000) + "a" + ")".repeat(20_000);
        ParseResult r = ConditionParser.parse(deep);
        assertThat(r.ok()).isFalse();
        assertThat(r.error().message()).contains("max depth");
        assertThat(ConditionParser.parse("(".repeat(900) + "a" + ")".repeat(900)).ok()).isTrue();
        assertThat(ConditionParser.parse("not ".repeat(100_001) + "a").expr()).isInstanceOf(Expr.Not.class);
    }

    @Test
    void longFlatConditionsParse() {
        StringBuilder sb = new StringBuilder("a0");
        for (int i = 1; i < 50_000; i++) sb.append(i % 2 == 0 ? " and a" : " or a").append(i);
        assertThat(ConditionParser.parse(sb.toString()).ok()).isTrue();
    }

    @Test
    void trailingNotIsAnIdentifierOnlyAtTheVeryEnd() {
        assertThat(ExprPrinter.print(ConditionParser.parse("proc.name = cat and not").expr())).isEqualTo("(proc.name = \"cat\" and not)");
        assertThat(ConditionParser.parse("proc.name = cat and not ").ok()).isFalse();
    }

    /** The condition as written, and with its blanks outside quotes replaced by newlines, tabs, and runs of blanks. */
    static List<String> whitespaceVariants(String c) {
        return List.of(c, replaceBlanks(c, "\n"), replaceBlanks(c, "\t"), replaceBlanks(c, "  \r\n "), " " + c + "\n");
    }

    private static String replaceBlanks(String c, String with) {
        StringBuilder sb = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < c.length(); i++) {
            char ch = c.charAt(i);
            if (quote == 0 && (ch == '"' || ch == '\'')) quote = ch;
            else if (quote != 0 && ch == quote && c.charAt(i - 1) != '\\') quote = 0;
            sb.append(quote == 0 && ch == ' ' ? with : String.valueOf(ch));
        }
        return sb.toString();
    }
}
