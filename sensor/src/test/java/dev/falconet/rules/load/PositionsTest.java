package dev.falconet.rules.load;

import static dev.falconet.rules.load.Loading.load;
import static org.assertj.core.api.Assertions.assertThat;

import dev.falconet.rules.diag.Diagnostic;
import org.junit.jupiter.api.Test;

/** Diagnostics point at the file, 1-based line and column, also inside conditions of every scalar style. */
class PositionsTest {

    private static Diagnostic only(LoadResult r) {
        assertThat(r.diagnostics()).hasSize(1);
        return r.diagnostics().getFirst();
    }

    private static String at(Diagnostic d) {
        return d.file() + ":" + d.line() + ":" + d.column();
    }

    @Test
    void undefinedMacroInEachScalarStyle() {
        String head = "- rule: R\n  desc: d\n  output: o\n  priority: INFO\n";
        assertThat(at(only(load(head + "  condition: evt.type=open and foo\n")))).isEqualTo("f1.yaml:5:32");
        assertThat(at(only(load(head + "  condition: \"evt.type=open and proc.name != \\\"x\\\" or foo\"\n"))))
                .isEqualTo("f1.yaml:5:" + (("  condition: \"evt.type=open and proc.name != \\\"x\\\" or ").length() + 1));
        assertThat(at(only(load(head + "  condition: 'proc.name = ''a'' or foo'\n"))))
                .isEqualTo("f1.yaml:5:" + (("  condition: 'proc.name = ''a'' or ").length() + 1));
        assertThat(at(only(load(head + "  condition: >\n    evt.type=open and\n    proc.name=x and\n      foo\n")))).isEqualTo("f1.yaml:8:7");
        assertThat(at(only(load(head + "  condition: |\n    evt.type=open\n    and foo\n")))).isEqualTo("f1.yaml:7:9");
        assertThat(at(only(load(head + "  condition: evt.type=open\n    and proc.name=x\n    and foo\n")))).isEqualTo("f1.yaml:7:9");
    }

    @Test
    void windowsLineEndings() {
        String crlf = "- rule: R\r\n  desc: d\r\n  output: o\r\n  priority: INFO\r\n  condition: >\r\n    evt.type=open and\r\n      foo\r\n";
        assertThat(at(only(load(crlf)))).isEqualTo("f1.yaml:7:7");
    }

    @Test
    void parseErrorsPointIntoTheCondition() {
        Diagnostic d = only(load("- rule: R\n  desc: d\n  condition: proc.name in (a, b\n  output: o\n  priority: INFO\n"));
        assertThat(d.code()).isEqualTo(LoadCodes.COMPILE_CONDITION);
        assertThat(d.message()).isEqualTo("expected a ',' or a ')' token");
        assertThat(d.line()).isEqualTo(3);
        assertThat(d.column()).isBetween(28, 32);
    }

    @Test
    void positionsThroughListSubstitutionAndAppends() {
        LoadResult r = load("- list: l\n  items: [a, b]\n- rule: R\n  desc: d\n  condition: proc.name in (l) and foo\n  output: o\n  priority: INFO\n"
                + "- rule: R\n  condition: and bar\n  override:\n    condition: append\n");
        assertThat(r.diagnostics()).extracting(PositionsTest::at).containsExactly("f1.yaml:5:35", "f1.yaml:9:18");
        LoadedRule rule = r.rule("R").orElseThrow();
        assertThat(rule.conditionText()).isEqualTo("proc.name in ( a, b ) and foo and bar");
        assertThat(rule.conditionTrace().locate(rule.conditionText().indexOf("a,")).toString()).isEqualTo("f1.yaml:5:28");
    }

    @Test
    void positionsInLaterFilesAndOfItems() {
        LoadResult r = load(Loading.rule("A", "evt.type=open"), "\n\n" + Loading.rule("B", "nope"));
        Diagnostic d = only(r);
        assertThat(at(d)).isEqualTo("f2.yaml:5:14");
        assertThat(r.rule("B").orElseThrow().location().toString()).isEqualTo("f2.yaml:3:3");
        assertThat(r.rule("A").orElseThrow().conditionLocation().toString()).isEqualTo("f1.yaml:3:14");
        assertThat(r.rule("A").orElseThrow().outputLocation().toString()).isEqualTo("f1.yaml:4:11");
    }

    @Test
    void exceptionProblemsPointAtTheException() {
        LoadResult r = load(Loading.rule("R", "evt.type=open")
                + "  exceptions:\n    - name: e\n      fields: [proc.name, fd.name]\n      values: [[a]]\n");
        assertThat(at(only(r))).isEqualTo("f1.yaml:7:7");
    }

    @Test
    void yamlSyntaxErrorsHaveAPosition() {
        Diagnostic d = only(load(Loading.rule("R", "evt.type=open") + "- rule: [unclosed\n"));
        assertThat(d.code()).isEqualTo(LoadCodes.YAML_PARSE);
        assertThat(d.line()).isGreaterThanOrEqualTo(6);
    }
}
