package dev.falconet.app.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falconet.app.replay.DemoBundle;
import dev.falconet.engine.EngineOptions;
import org.junit.jupiter.api.Test;

class RulesCheckTest {
    private static final String TYPO = "- rule: Typo\n  desc: d\n  condition: evt.type = open and proc.nmae = cat\n  output: o %proc.name\n  priority: WARNING\n";

    @Test
    void theProjectRulesAreValid() {
        RulesCheck.Result r = RulesCheck.check("falconet_rules.yaml", DemoBundle.rules().text(), EngineOptions.defaults());
        assertThat(r.errors()).isZero();
        assertThat(r.rules()).isEqualTo(5);
    }

    @Test
    void anUnknownFieldIsUnderlinedWhereItIsWritten() {
        RulesCheck.Result r = RulesCheck.check("x.yaml", TYPO, EngineOptions.defaults());
        EditorDiagnostic d = r.diagnostics().stream().filter(EditorDiagnostic::isError).findFirst().orElseThrow();
        assertThat(TYPO.substring(d.start(), d.end())).isEqualTo("proc.nmae");
        assertThat(r.rules()).isZero();
    }

    @Test
    void brokenYamlGivesAPlacedErrorNotAnException() {
        String text = "- rule: x\n  condition: [unclosed\n";
        RulesCheck.Result r = RulesCheck.check("x.yaml", text, EngineOptions.defaults());
        assertThat(r.errors()).isPositive();
        assertThat(r.diagnostics()).allMatch(d -> d.end() <= text.length());
    }

    @Test
    void aDiagnosticAtTheEndOfALineUnderlinesTheLine() {
        var d = new dev.falconet.rules.diag.Diagnostic("C", dev.falconet.rules.diag.Severity.ERROR, "x", 2, 9, "", "m");
        EditorDiagnostic e = RulesCheck.place("a: 1\n  b: 2  \nc: 3", d);
        assertThat("a: 1\n  b: 2  \nc: 3".substring(e.start(), e.end())).isEqualTo("b: 2  ");
    }

    @Test
    void aLineBeyondTheTextIsNotPlaced() {
        var d = new dev.falconet.rules.diag.Diagnostic("C", dev.falconet.rules.diag.Severity.ERROR, "x", 9, 1, "", "m");
        assertThat(RulesCheck.place("a: 1\n", d).placed()).isFalse();
    }
}
