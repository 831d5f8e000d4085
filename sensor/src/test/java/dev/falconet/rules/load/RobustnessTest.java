package dev.falconet.rules.load;

import static dev.falconet.rules.load.Loading.codes;
import static dev.falconet.rules.load.Loading.errors;
import static dev.falconet.rules.load.Loading.load;
import static dev.falconet.rules.load.Loading.macro;
import static dev.falconet.rules.load.Loading.rule;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing a rules file contains makes loading throw: every problem is a diagnostic. */
class RobustnessTest {
    @TempDir
    Path dir;

    @Test
    void missingFilesDirectoriesAndBinaryData() throws IOException {
        LoadResult r = new RulesLoader().loadPaths(List.of(dir.resolve("nope.yaml")));
        assertThat(codes(r)).containsExactly(LoadCodes.FILE_READ);
        assertThat(r.diagnostics().getFirst().file()).endsWith("nope.yaml");

        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        Files.write(dir.resolve("garbage.yaml"), garbage);
        r = new RulesLoader().loadPaths(List.of(dir.resolve("garbage.yaml")));
        assertThat(errors(r)).containsExactly("Could not read rules file: file is not UTF-8 text (binary data?)");

        Path rules = Files.createDirectory(dir.resolve("rules.d"));
        Files.writeString(rules.resolve("b.yml"), rule("B", "evt.type=open"));
        Files.writeString(rules.resolve("a.yaml"), rule("A", "evt.type=open"));
        Files.writeString(rules.resolve("c.txt"), "not rules");
        Files.createDirectory(rules.resolve("d.yaml"));
        Files.writeString(rules.resolve("e.YAML"), "\uFEFF" + rule("E", "evt.type=open"));
        r = new RulesLoader().loadPaths(List.of(rules));
        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.rules()).extracting(LoadedRule::name).containsExactly("A", "B", "E");
        assertThat(r.rules().getFirst().location().file()).endsWith("a.yaml");

        Files.writeString(dir.resolve("empty.yaml"), "");
        r = new RulesLoader().loadPaths(List.of(dir.resolve("empty.yaml")));
        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.rules()).isEmpty();
    }

    @Test
    void controlCharactersAndBrokenYaml() {
        for (String text : List.of("\u0000\u0001\u0002", "- rule: R\n\tdesc: tab\n", "- [", "]]]]", "- {a: b", "- &a [*a]",
                "- *undefined", "- rule: R\n  condition: \"unterminated\n", "%YAML 9.9\n---\n- a", "- !!binary x\n", "? [a]\n: b\n",
                "- rule: R\n  <<: {desc: d}\n", "- { ? [x] : y }\n", "--- |\n  text\n", "\uD83D\uDE00: \uD83D\uDE00\n- x")) {
            LoadResult r = load(text);
            assertThat(r.diagnostics()).as(text).isNotEmpty();
            assertThat(r.diagnostics()).allSatisfy(d -> assertThat(d.line()).isNotNegative());
        }
    }

    @Test
    void deepYamlNestingIsAnErrorNotAStackOverflow() {
        LoadResult r = load("[".repeat(10_000) + "]".repeat(10_000));
        assertThat(errors(r)).containsExactly("YAML nesting is deeper than " + YamlTreeReader.MAX_DEPTH + " levels");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 10_000; i++) sb.append(" ".repeat(Math.min(i, 400))).append("-\n");
        assertThat(load(sb.toString()).diagnostics()).isNotEmpty();
    }

    @Test
    void deepConditionsAndUnclosedParentheses() {
        String deep = "(".repeat(10_000) + "evt.type=open" + ")".repeat(10_000);
        LoadResult r = load(rule("R", "'" + deep + "'"));
        assertThat(codes(r)).containsExactly(LoadCodes.COMPILE_CONDITION);
        r = load(rule("R", "'" + "not ".repeat(10_000) + "evt.type=open'"));
        assertThat(r.rules()).hasSize(1);
        r = load(rule("R", "(evt.type=open and (proc.name=a or proc.name=b)"));
        assertThat(errors(r)).containsExactly("expected a ')' token");
    }

    @Test
    void exponentialMacroExpansionStaysShared() {
        StringBuilder sb = new StringBuilder(macro("m0", "evt.type=open"));
        for (int i = 1; i <= 60; i++) sb.append(macro("m" + i, "m" + (i - 1) + " or not m" + (i - 1)));
        LoadResult r = load(sb + rule("R", "m60"));
        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.rule("R").orElseThrow().condition()).isNotNull();
    }

    @Test
    void macroChainsDeeperThanTheLimitAreRefused() {
        int limit = CollectionCompiler.MAX_MACRO_NESTING;
        StringBuilder sb = new StringBuilder(macro("m0", "evt.type=open"));
        for (int i = 1; i <= limit + 100; i++) sb.append(macro("m" + i, "m" + (i - 1)));
        LoadResult r = load(sb + rule("Ok", "m" + (limit - 1)) + rule("TooDeep", "m" + (limit + 100)));
        assertThat(r.rule("Ok").orElseThrow().condition()).isNotNull();
        assertThat(r.rule("TooDeep").orElseThrow().condition()).isNull();
        assertThat(r.diagnostics()).extracting(d -> d.item() + ": " + d.message())
                .contains("macro 'm" + (limit + 1) + "': Macros are nested more than " + limit + " levels deep",
                        "rule 'TooDeep': Macro 'm" + (limit + 100) + "' has errors, so this condition cannot be compiled");
    }

    @Test
    void aliasBombIsBounded() {
        StringBuilder sb = new StringBuilder("- rule: R\n  desc: d\n  condition: evt.type=open\n  output: o\n  priority: INFO\n  exceptions:\n    - name: e\n      fields: proc.name\n      values:\n");
        sb.append("        - &a0 [x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 9; i++) {
            sb.append("        - &a").append(i).append(" [");
            for (int j = 0; j < 8; j++) sb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            sb.append("]\n");
        }
        LoadResult r = load(sb.toString());
        assertThat(errors(r)).isNotEmpty();
    }

    @Test
    void tenMegabyteFile() {
        StringBuilder sb = new StringBuilder(11 << 20);
        sb.append("- list: big\n  items: [");
        for (int i = 0; sb.length() < 9_500_000; i++) sb.append(i == 0 ? "" : ", ").append("/usr/lib/item").append(i);
        sb.append("]\n");
        for (int i = 0; sb.length() < 10_500_000; i++) {
            sb.append(rule("Rule " + i, "evt.type=open and proc.name=p" + i)).append("  tags: [t").append(i % 7).append("]\n");
        }
        sb.append(rule("Uses big", "fd.name in (big)"));
        LoadResult r = load(sb.toString());
        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.rules().size()).isGreaterThan(3_000);
        assertThat(r.rule("Uses big").orElseThrow().condition()).isNotNull();
    }

    /** Falco's appends are string appends; ours must stay linear too (a hang guard, not a speed target). */
    @Test
    @org.junit.jupiter.api.Timeout(120)
    void manyAppendsToOneItem() {
        StringBuilder sb = new StringBuilder(Loading.list("l", "[a]") + Loading.macro("m", "proc.name in (l)")
                + rule("R", "m") + "  exceptions:\n    - name: e\n      fields: proc.name\n      values: [x]\n");
        int n = 10_000;
        for (int i = 0; i < n; i++) {
            sb.append("- list: l\n  items: [i").append(i).append("]\n  override: {items: append}\n");
            sb.append("- macro: m\n  condition: or proc.name=m").append(i).append("\n  override: {condition: append}\n");
            sb.append("- rule: R\n  condition: or proc.name=r").append(i).append("\n  exceptions: [{name: e, values: [v")
                    .append(i).append("]}]\n  override: {condition: append, exceptions: append}\n");
        }
        LoadResult r = load(sb.toString());
        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.list("l").orElseThrow().items()).hasSize(n + 1);
        assertThat(r.rule("R").orElseThrow().conditionText()).contains("or proc.name=r" + (n - 1) + ") and not (proc.name in (x, v0, v1, v2");
        assertThat(r.rule("R").orElseThrow().condition()).isNotNull();
        assertThat(r.macro("m").orElseThrow().conditionText()).endsWith("or proc.name=m" + (n - 1));
    }

    @Test
    void wrongTypesEverywhere() {
        for (String item : List.of("- rule: {a: b}\n", "- rule: R\n  desc: [d]\n  condition: a\n  output: o\n  priority: INFO\n",
                "- list: l\n  items: {a: b}\n", "- list: l\n  items: [a]\n  append: [x]\n", "- macro: 5\n  condition: [x]\n",
                "- rule: R\n  enabled: {x: 1}\n", "- rule: R\n  override: [condition]\n  condition: x\n",
                "- rule: R\n  override: {condition: [append]}\n  condition: x\n", "- required_engine_version: [1]\n",
                "- required_plugin_versions:\n  - name: [c]\n    version: 1.0.0\n", "- rule: R\n  exceptions: [{name: [e]}]\n",
                "- rule: R\n  desc: d\n  condition: evt.type=open\n  output: o\n  priority: INFO\n  capture_duration: -5\n",
                "- rule: R\n  desc: d\n  condition: evt.type=open\n  output: o\n  priority: INFO\n  tags: [[a], {b: c}]\n")) {
            LoadResult r = load(item);
            assertThat(r.errorCount()).as(item).isPositive();
            assertThat(r.diagnostics()).allSatisfy(d -> assertThat(d.line()).as(item).isPositive());
        }
    }

    @Test
    void nonUtf8IsAFileReadErrorButOtherScriptsAreFine() {
        assertThat(RulesSource.decode(new byte[] {(byte) 0xC3, (byte) 0x28})).isNull();
        String text = rule("Règle 😀", "proc.name=\"日本\" and foo");
        LoadResult r = load(new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
        assertThat(errors(r)).containsExactly("Undefined macro 'foo' used in filter.");
        assertThat(r.diagnostics().getFirst().column()).isEqualTo(("  condition: proc.name=\"日本\" and ").length() + 1);
    }
}
