package dev.falconet.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falconet.engine.CompiledRule;
import dev.falconet.engine.EngineOptions;
import dev.falconet.engine.RuleEngine;
import dev.falconet.rules.load.RulesSource;
import dev.falconet.testing.SharedMaterial;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Acceptance: the four upstream files load with 0 errors, and every rule's event-type set equals
 * the one Falco computes (the "Effective evt.type set per rule" table of falco-language.md).
 */
class UpstreamEventTypesTest {
    private static final List<String> ORDER = List.of("falco_rules.yaml", "falco-incubating_rules.yaml",
            "falco-sandbox_rules.yaml", "falco-deprecated_rules.yaml");

    @Test
    void everyRuleHasFalcosEventTypeSet() throws IOException {
        Path dir = SharedMaterial.upstreamRules();
        Path reference = SharedMaterial.require("reference/falco-language.md");
        Map<String, String> expected = expectedTypes(reference);
        assertThat(expected).hasSize(97);

        RuleEngine.Build build = RuleEngine.load(RulesSource.readAll(ORDER.stream().map(dir::resolve).toList()).sources(), EngineOptions.defaults());
        assertThat(build.errors()).isZero();
        RuleEngine engine = build.engine();
        assertThat(engine.rules()).hasSize(97);
        assertThat(engine.rules().stream().filter(CompiledRule::enabled)).hasSize(81);
        Map<String, String> actual = new LinkedHashMap<>();
        for (CompiledRule r : engine.rules()) actual.put(r.name(), String.join(",", r.eventTypes().names()));
        assertThat(actual).containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    void sensorNeedsExactlyTheEventTypesOfTheEnabledRules() {
        Path dir = SharedMaterial.upstreamRules();
        RuleEngine engine = RuleEngine.load(RulesSource.readAll(List.of(dir.resolve("falco_rules.yaml"))).sources(), EngineOptions.defaults()).engine();
        assertThat(engine.eventTypes().names()).containsExactly("connect", "dup", "dup2", "dup3", "execve", "execveat",
                "finit_module", "init_module", "link", "linkat", "open", "openat", "openat2", "ptrace", "sendmsg", "sendto",
                "socket", "symlink", "symlinkat");
    }

    /** Parses the table: {@code | file | rule | enabled | priority | evt types |}. */
    private static Map<String, String> expectedTypes(Path reference) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        boolean inTable = false;
        for (String line : Files.readAllLines(reference)) {
            if (line.startsWith("### A: Effective evt.type set per rule")) {
                inTable = true;
                continue;
            }
            if (!inTable) continue;
            if (line.startsWith("###") || line.startsWith("Union")) break;
            if (!line.startsWith("| falco")) continue;
            String[] cells = line.split("\\|");
            m.put(cells[2].trim(), cells[5].trim());
        }
        return m;
    }
}
