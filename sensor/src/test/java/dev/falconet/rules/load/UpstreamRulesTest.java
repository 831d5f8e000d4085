package dev.falconet.rules.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falconet.rules.diag.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The four upstream Falco rules files, loaded in Falco's order (acceptance point 1). */
class UpstreamRulesTest {
    static final List<String> FILES = List.of("falco_rules.yaml", "falco-incubating_rules.yaml",
            "falco-sandbox_rules.yaml", "falco-deprecated_rules.yaml");

    /**
     * {@code <repo root>/../shared/falco-upstream}, or null when absent. A git worktree may sit deeper than
     * the main checkout, so every ancestor of the repository root is tried.
     */
    static Path upstreamDir() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) dir = dir.getParent();
        for (Path d = dir == null ? null : dir.getParent(); d != null; d = d.getParent()) {
            Path up = d.resolve("shared/falco-upstream");
            if (Files.isDirectory(up)) return up;
        }
        return null;
    }

    static List<RulesSource> sources(int count) {
        Path dir = upstreamDir();
        Assumptions.assumeTrue(dir != null, "../shared/falco-upstream is absent: upstream rules tests skipped");
        RulesSource.Reading r = RulesSource.readAll(FILES.subList(0, count).stream().map(dir::resolve).toList());
        assertThat(r.diagnostics()).isEmpty();
        return r.sources();
    }

    @Test
    void allFourFilesLoadWithoutErrorsAsFalcoCountsThem() {
        LoadResult r = new RulesLoader().load(sources(4));
        assertThat(r.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::format)).isEmpty();
        assertThat(r.rules()).hasSize(97);
        assertThat(r.enabledRuleCount()).isEqualTo(81);
        assertThat(r.rules()).allSatisfy(rule -> assertThat(rule.condition()).as(rule.name()).isNotNull());
        assertThat(r.requiredEngineVersion()).isEqualTo("0.57.0");
    }

    @Test
    void macroAndListCountsAfterMergeAreTheDistinctNames() {
        List<RulesSource> src = sources(4);
        LoadResult all = new RulesLoader().load(src);
        Set<String> macros = new HashSet<>(), lists = new HashSet<>();
        int macroDefs = 0, listDefs = 0;
        for (RulesSource s : src) {
            LoadResult one = new RulesLoader().load(List.of(s));
            one.macros().forEach(m -> macros.add(m.name()));
            one.lists().forEach(l -> lists.add(l.name()));
            macroDefs += one.macros().size();
            listDefs += one.lists().size();
        }
        // Part A: 87 + 82 + 183 + 6 macros and 49 + 54 + 60 + 9 lists defined per file
        assertThat(macroDefs).isEqualTo(87 + 82 + 183 + 6);
        assertThat(listDefs).isEqualTo(49 + 54 + 60 + 9);
        assertThat(all.macros()).hasSize(macros.size());
        assertThat(all.lists()).hasSize(lists.size());
    }

    @Test
    void eachFileAloneMatchesPartA() {
        List<RulesSource> src = sources(4);
        int[][] expected = {{25, 25, 87, 49}, {31, 31, 82, 54}, {37, 25, 183, 60}, {4, 0, 6, 9}};
        for (int i = 0; i < 4; i++) {
            LoadResult r = new RulesLoader().load(List.of(src.get(i)));
            // the incubating, sandbox and deprecated files use macros of the stable file: only check counts
            assertThat(new int[] {r.rules().size(), (int) r.enabledRuleCount(), r.macros().size(), r.lists().size()})
                    .as(FILES.get(i)).containsExactly(expected[i]);
        }
        LoadResult stable = new RulesLoader().load(List.of(src.get(0)));
        assertThat(stable.diagnostics()).as("stable file alone: no unused macros or lists, no errors").isEmpty();
    }

    @Test
    void laterFilesRedefineAsFalcoDoes() {
        LoadResult r = new RulesLoader().load(sources(4));
        assertThat(r.list("python_package_managers").orElseThrow().items()).doesNotContain("uv");
        assertThat(r.list("falco_containers").orElseThrow().items())
                .anyMatch(i -> i.contains("falcosecurity/falco-no-driver"));
        assertThat(r.macro("outbound").orElseThrow().conditionText()).contains("evt.dir=<");
        LoadResult stable = new RulesLoader().load(sources(1));
        assertThat(stable.list("python_package_managers").orElseThrow().items()).contains("uv");
    }

    @Test
    void warningsAfterAllFourFilesAreListed() {
        LoadResult r = new RulesLoader().load(sources(4));
        List<String> lines = new ArrayList<>();
        r.diagnostics().forEach(d -> lines.add(d.format()));
        Set<String> codes = r.diagnostics().stream().map(Diagnostic::code).collect(Collectors.toSet());
        assertThat(codes).as(String.join("\n", lines)).isSubsetOf(Set.of(LoadCodes.UNUSED_MACRO, LoadCodes.UNUSED_LIST));
    }
}
