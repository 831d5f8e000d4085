package dev.falconet.rules.load;

import static dev.falconet.rules.load.Loading.codes;
import static dev.falconet.rules.load.Loading.errors;
import static dev.falconet.rules.load.Loading.list;
import static dev.falconet.rules.load.Loading.load;
import static dev.falconet.rules.load.Loading.macro;
import static dev.falconet.rules.load.Loading.rule;
import static dev.falconet.rules.load.Loading.warnings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.falconet.rules.Priority;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** B.2/B.3/B.6: redefinition, append and override, in one file and across files. */
class MergeSemanticsTest {
    static final String BASE = rule("R", "evt.type=open") + "  tags: [a, b]\n";

    @Test
    void listAppendReplaceAndOverride() {
        LoadResult r = load(list("l", "[a, b]") + "- list: l\n  items: [c]\n  append: true\n" + rule("R", "proc.name in (l)"));
        assertThat(r.list("l").orElseThrow().items()).containsExactly("a", "b", "c");
        assertThat(warnings(r)).contains(ItemReader.WARNING_APPEND);
        assertThat(r.rule("R").orElseThrow().conditionText()).isEqualTo("proc.name in ( a, b, c )");

        r = load(list("l", "[a, b]") + "- list: l\n  items: [c]\n  override:\n    items: append\n" + rule("R", "proc.name in (l)"));
        assertThat(r.list("l").orElseThrow().items()).containsExactly("a", "b", "c");
        assertThat(warnings(r)).isEmpty();

        r = load(list("l", "[a, b]") + "- list: l\n  items: [c]\n  override:\n    items: replace\n" + rule("R", "proc.name in (l)"));
        assertThat(r.list("l").orElseThrow().items()).containsExactly("c");

        r = load(list("l", "[a, b]") + list("l", "[z]") + rule("R", "proc.name in (l)"));
        assertThat(r.list("l").orElseThrow().items()).containsExactly("z");
    }

    @Test
    void macroAppendConcatenatesTextWithoutParentheses() {
        LoadResult r = load(macro("m", "proc.name=a and proc.name=b") + "- macro: m\n  condition: or evt.type=openat\n  override:\n    condition: append\n"
                + rule("R", "m"));
        assertThat(errors(r)).isEmpty();
        assertThat(r.macro("m").orElseThrow().conditionText()).isEqualTo("proc.name=a and proc.name=b or evt.type=openat");
        assertThat(r.macro("m").orElseThrow().condition()).isInstanceOf(dev.falconet.rules.ast.Expr.Or.class);
    }

    static Stream<Arguments> overrideErrors() {
        return Stream.of(
                Arguments.of("  priority: ERROR\n  override:\n    priority: append\n",
                        "Key 'priority' cannot be appended to, use 'replace' instead"),
                Arguments.of("  source: k8s_audit\n  override:\n    source: replace\n", "Key 'source' cannot be replaced"),
                Arguments.of("  condition: x.y=1\n  override:\n    condition: merge\n",
                        "Invalid override operation for key 'condition': 'merge'. Allowed values are: append replace "),
                Arguments.of("  priority: ERROR\n  override:\n    priority: merge\n",
                        "Invalid override operation for key 'priority': 'merge'. Allowed values are: replace "),
                Arguments.of("  condition: x.y=1\n  override:\n    output: append\n    condition: append\n",
                        "An append override for 'output' was specified but 'output' is not defined"),
                Arguments.of("  condition: x.y=1\n  override:\n    enabled: replace\n",
                        "An replace override for 'enabled' was specified but 'enabled' is not defined"),
                Arguments.of("  condition: and x.y=1\n  desc: more\n  override:\n    condition: append\n",
                        "Unexpected key 'desc': no corresponding entry under 'override' is defined."),
                Arguments.of("  condition: and x.y=1\n  append: true\n  override:\n    condition: append\n",
                        ItemReader.ERROR_OVERRIDE_APPEND),
                Arguments.of("  priority: SEVERE\n  override:\n    priority: replace\n", "Invalid priority"),
                Arguments.of("  enabled: maybe\n  override:\n    enabled: replace\n", "Can't decode YAML scalar value"));
    }

    @ParameterizedTest
    @MethodSource("overrideErrors")
    void overrideErrorMessages(String body, String message) {
        LoadResult r = load(BASE + "- rule: R\n" + body);
        assertThat(errors(r)).containsExactly(message);
        // the broken item is skipped: the rule is as first defined
        assertThat(r.rule("R").orElseThrow().conditionText()).isEqualTo("evt.type=open");
        assertThat(r.rule("R").orElseThrow().priority()).isEqualTo(Priority.WARNING);
    }

    @Test
    void overrideWithoutEarlierRule() {
        assertThat(errors(load("- rule: X\n  condition: and a.b=1\n  override:\n    condition: append\n")))
                .containsExactly(RuleCollection.ERROR_NO_PREVIOUS_RULE_APPEND);
        assertThat(errors(load("- rule: X\n  priority: INFO\n  override:\n    priority: replace\n")))
                .containsExactly(RuleCollection.ERROR_NO_PREVIOUS_RULE_REPLACE);
        assertThat(errors(load("- rule: X\n  condition: and a.b=1\n  append: true\n")))
                .containsExactly(RuleCollection.ERROR_NO_PREVIOUS_RULE_APPEND);
        assertThat(errors(load("- list: l\n  items: [a]\n  append: true\n")))
                .containsExactly(RuleCollection.ERROR_NO_PREVIOUS_LIST);
        assertThat(errors(load("- macro: m\n  condition: a.b=1\n  override:\n    condition: append\n")))
                .containsExactly(RuleCollection.ERROR_NO_PREVIOUS_MACRO);
        assertThat(errors(load("- rule: X\n  enabled: false\n")))
                .containsExactly("Rule has 'enabled' key but no rule by that name already exists");
    }

    @Test
    void overrideAppendAndReplaceEveryKey() {
        LoadResult r = load(BASE + """
                - rule: R
                  condition: and proc.name=x
                  output: more
                  desc: text
                  tags: [c]
                  override:
                    condition: append
                    output: append
                    desc: append
                    tags: append
                """);
        assertThat(errors(r)).isEmpty();
        LoadedRule rule = r.rule("R").orElseThrow();
        assertThat(rule.conditionText()).isEqualTo("evt.type=open and proc.name=x");
        assertThat(rule.output()).isEqualTo("o more");
        assertThat(rule.desc()).isEqualTo("d text");
        assertThat(rule.tags()).containsExactly("a", "b", "c");

        r = load(BASE + """
                - rule: R
                  condition: evt.type=close
                  output: new output
                  desc: new desc
                  priority: critical
                  tags: [z]
                  enabled: false
                  warn_evttypes: false
                  skip-if-unknown-filter: true
                  capture: true
                  capture_duration: 5000
                  override:
                    condition: replace
                    output: replace
                    desc: replace
                    priority: replace
                    tags: replace
                    enabled: replace
                    warn_evttypes: replace
                    skip-if-unknown-filter: replace
                    capture: replace
                    capture_duration: replace
                """);
        assertThat(errors(r)).isEmpty();
        rule = r.rule("R").orElseThrow();
        assertThat(rule.conditionText()).isEqualTo("evt.type=close");
        assertThat(rule.output()).isEqualTo("new output");
        assertThat(rule.desc()).isEqualTo("new desc");
        assertThat(rule.priority()).isEqualTo(Priority.CRITICAL);
        assertThat(rule.tags()).containsExactly("z");
        assertThat(rule.enabled()).isFalse();
        assertThat(rule.warnEvttypes()).isFalse();
        assertThat(rule.skipIfUnknownFilter()).isTrue();
        assertThat(rule.capture()).isTrue();
        assertThat(rule.captureDuration()).isEqualTo(5000);
    }

    @Test
    void appendAndReplaceInOneOverride() {
        LoadResult r = load(BASE + "- rule: R\n  condition: and proc.name=x\n  priority: ERROR\n  override:\n    condition: append\n    priority: replace\n");
        assertThat(errors(r)).isEmpty();
        assertThat(r.rule("R").orElseThrow().conditionText()).isEqualTo("evt.type=open and proc.name=x");
        assertThat(r.rule("R").orElseThrow().priority()).isEqualTo(Priority.ERROR);
    }

    @Test
    void legacyAppendAndStandaloneEnabled() {
        LoadResult r = load(BASE + "- rule: R\n  condition: or evt.type=close\n  append: true\n- rule: R\n  enabled: false\n");
        assertThat(errors(r)).isEmpty();
        assertThat(r.rule("R").orElseThrow().conditionText()).isEqualTo("evt.type=open or evt.type=close");
        assertThat(r.rule("R").orElseThrow().enabled()).isFalse();
        assertThat(warnings(r)).containsExactly(ItemReader.WARNING_APPEND, ItemReader.WARNING_ENABLED);
        assertThat(codes(r)).containsOnly(LoadCodes.DEPRECATED_ITEM);

        r = load(BASE + "- rule: R\n  enabled: false\n  override:\n    enabled: replace\n");
        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.rule("R").orElseThrow().enabled()).isFalse();

        assertThat(errors(load(BASE + "- rule: R\n  output: x\n  append: true\n")))
                .containsExactly("Appended rule must have exceptions or condition property");
    }

    @Test
    void redefinitionKeepsTheOriginalPositionAcrossFiles() {
        LoadResult r = load(rule("A", "evt.type=open") + rule("B", "evt.type=close"),
                rule("C", "evt.type=read") + rule("A", "evt.type=write"));
        assertThat(r.rules().stream().map(LoadedRule::name)).containsExactly("A", "B", "C");
        assertThat(r.rule("A").orElseThrow().conditionText()).isEqualTo("evt.type=write");
        assertThat(r.rule("A").orElseThrow().location().file()).isEqualTo("f2.yaml");
    }

    @Test
    void differentSourceAndUnknownSource() {
        LoadResult r = load(BASE + rule("R", "evt.type=open") + "  source: k8s_audit\n");
        assertThat(errors(r)).containsExactly("Rule has been re-defined with a different source");

        r = load(rule("K", "ka.verb=get") + "  source: k8s_audit\n" + rule("S", "evt.type=open"));
        assertThat(errors(r)).isEmpty();
        assertThat(warnings(r)).containsExactly("Unknown source k8s_audit, skipping");
        assertThat(r.rules().stream().map(LoadedRule::name)).containsExactly("S");
    }

    @Test
    void laterFileMayAppendToAnythingEarlier() {
        LoadResult r = load(list("l", "[a]") + macro("m", "proc.name in (l)") + rule("R", "m"),
                "- list: l\n  items: [b]\n  append: true\n- macro: m\n  condition: or proc.name=c\n  append: true\n");
        assertThat(errors(r)).isEmpty();
        assertThat(r.rule("R").orElseThrow().condition()).isNotNull();
        assertThat(r.macro("m").orElseThrow().conditionText()).isEqualTo("proc.name in ( a, b ) or proc.name=c");
    }

    @Test
    void aRuleUsingAMacroOnlyALaterFileDefinesFailsAsInFalco() {
        LoadResult r = load(rule("R", "later_macro"), macro("later_macro", "proc.name=x"));
        assertThat(errors(r)).containsExactly("Undefined macro 'later_macro' used in filter.");
        assertThat(r.diagnostics().getFirst().file()).isEqualTo("f1.yaml");
        // the final compilation (after both files) has the tree
        assertThat(r.rule("R").orElseThrow().condition()).isNotNull();
    }

    @Test
    void requiredKeysAndValueTypes() {
        assertThat(errors(load("- rule: R\n  condition: a.b=1\n  priority: INFO\n")))
                .containsExactly("Item has no mapping for key 'output'", "Item has no mapping for key 'desc'");
        assertThat(errors(load("- rule: R\n  condition:\n  desc: d\n  output: o\n  priority: INFO\n")))
                .containsExactly("Mapping for key 'condition' is empty");
        assertThat(errors(load("- rule: R\n  condition: {a: b}\n  desc: d\n  output: o\n  priority: INFO\n")))
                .containsExactly("Value is not a scalar value");
        assertThat(errors(load("- rule: R\n  condition: \"\"\n  desc: d\n  output: o\n  priority: INFO\n")))
                .containsExactly("Value must be non-empty");
        assertThat(errors(load(rule("R", "a.b=1") + "  tags: x\n"))).containsExactly("Value is not a sequence");
        assertThat(errors(load(rule("R", "a.b=1") + "  tags: [[x]]\n"))).containsExactly("sequence value is not scalar");
        assertThat(errors(load("- rule: [R]\n  condition: a.b=1\n"))).containsExactly("Value is not a scalar value");
        assertThat(errors(load("- rule: R\n  desc: d\n  condition: a.b=1\n  output: o\n  priority: Loud\n")))
                .containsExactly("Invalid priority");
    }

    @Test
    void everyPriorityAndAlias() {
        for (String p : List.of("emergency", "ALERT", "Critical", "error", "warning", "notice", "informational", "info", "INFO", "debug")) {
            LoadResult r = load("- rule: R\n  desc: d\n  condition: evt.type=open\n  output: o\n  priority: " + p + "\n");
            assertThat(errors(r)).as(p).isEmpty();
        }
        assertThat(load("- rule: R\n  desc: d\n  condition: evt.type=open\n  output: o\n  priority: info\n")
                .rule("R").orElseThrow().priority()).isEqualTo(Priority.INFORMATIONAL);
    }

    @Test
    void outputIsTrimmedOnDefinition() {
        LoadResult r = load("- rule: R\n  desc: d\n  condition: evt.type=open\n  output: >\n    a b\n  priority: INFO\n");
        assertThat(r.rule("R").orElseThrow().output()).isEqualTo("a b");
    }
}
