package dev.falconet.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falconet.rules.diag.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loader's diagnostics: stable codes, the exercise file's line and column, a message that names the fix. */
class ExerciseLoaderTest {
    @TempDir
    Path repo;
    Path dir;

    /** A valid exercise; tests break one line of it. */
    static final String VALID = """
            id: demo
            level: 1
            title: { en: Demo, ru: Демо }
            task:
              en: Do it.
              ru: Сделайте.
            rule: Demo rule
            starter: starters/demo.yaml
            solution: solutions/demo.yaml
            cases:
              - id: touch
                title: { en: touch, ru: touch }
                capture: captures/touch.jsonl
                expect:
                  - fires: Demo rule
                    event: 2
                  - silent: Other rule
            hidden:
              - id: deep
                hint: { en: Deeper., ru: Глубже. }
                capture: captures/touch.jsonl
                expect:
                  - fires: Demo rule
                    where: { fd.name: /test/testfile, proc.name: { startswith: tou } }
            hints:
              en: [one, two]
              ru: [один, два]
            """;

    @BeforeEach
    void setUp() throws IOException {
        dir = repo.resolve("scenarios/exercises");
        Files.createDirectories(dir.resolve("starters"));
        Files.createDirectories(dir.resolve("solutions"));
        Files.createDirectories(dir.resolve("captures"));
        Files.writeString(dir.resolve("starters/demo.yaml"), "- list: x\n  items: []\n");
        Files.writeString(dir.resolve("solutions/demo.yaml"), "- list: x\n  items: []\n");
        Files.copy(ExerciseTesting.exercisesDir().resolve("captures/write-below-test/touch-testfile.jsonl"), dir.resolve("captures/touch.jsonl"));
    }

    private ExerciseLoader.Result load(String text) throws IOException {
        Path f = dir.resolve("demo.yaml");
        Files.writeString(f, text);
        return new ExerciseLoader(dir, repo, repo.resolve("no-upstream")).load(f);
    }

    private static List<String> formatted(ExerciseLoader.Result r) {
        return r.diagnostics().stream().map(Diagnostic::format).toList();
    }

    @Test
    void validExerciseLoadsWithEverything() throws IOException {
        ExerciseLoader.Result r = load(VALID);
        assertThat(formatted(r)).isEmpty();
        Exercise e = r.exercise();
        assertThat(e.id()).isEqualTo("demo");
        assertThat(e.title().in("ru")).isEqualTo("Демо");
        assertThat(e.starter().text()).contains("- list: x");
        assertThat(e.hints()).extracting(h -> h.in("ru")).containsExactly("один", "два");
        assertThat(e.cases()).singleElement().satisfies(c -> {
            assertThat(c.hidden()).isFalse();
            assertThat(c.expectations()).hasSize(2);
            assertThat(c.expectations().getFirst()).isInstanceOfSatisfying(Expectation.Fires.class, f -> {
                assertThat(f.event()).isEqualTo(2L);
                assertThat(f.at().line()).isEqualTo(15);
            });
        });
        assertThat(e.hidden()).singleElement().satisfies(c -> {
            assertThat(c.hidden()).isTrue();
            assertThat(((Expectation.Fires) c.expectations().getFirst()).target())
                    .isEqualTo("the event where fd.name = /test/testfile and proc.name startswith tou");
        });
    }

    @Test
    void unknownKeyIsAnErrorWithLineColumnAndDidYouMean() throws IOException {
        ExerciseLoader.Result r = load(VALID.replace("hints:\n", "hintz:\n"));
        assertThat(r.ok()).isFalse();
        assertThat(formatted(r)).contains(
                dir.resolve("demo.yaml") + ":25:1: error EX_UNKNOWN_KEY: exercise 'demo': unknown key 'hintz' in the exercise. Did you mean 'hints'? "
                        + "Allowed: id, level, title, task, rule, rules, starter, solution, requires, cases, hidden, hints");
        assertThat(r.diagnostics()).anyMatch(d -> d.code().equals(ExerciseCodes.MISSING_KEY) && d.message().equals("the exercise has no 'hints'"));
    }

    @Test
    void unknownKeyInsideACaseNamesTheCase() throws IOException {
        ExerciseLoader.Result r = load(VALID.replace("    capture: captures/touch.jsonl\n    expect:\n      - fires: Demo rule\n        event: 2",
                "    captur: captures/touch.jsonl\n    expect:\n      - fires: Demo rule\n        event: 2"));
        assertThat(formatted(r)).anyMatch(s -> s.contains(":13:5: error EX_UNKNOWN_KEY: case 'touch': unknown key 'captur' in an item of cases. Did you mean 'capture'?"));
    }

    @Test
    void missingTranslationNamesTheLanguageAndLine() throws IOException {
        ExerciseLoader.Result r = load(VALID.replace("title: { en: Demo, ru: Демо }", "title: { en: Demo }")
                .replace("  ru: [один, два]\n", "  ru: [один]\n"));
        assertThat(formatted(r)).contains(
                dir.resolve("demo.yaml") + ":3:8: error EX_MISSING_TRANSLATION: exercise 'demo': title has no Russian text (ru)",
                dir.resolve("demo.yaml") + ":26:3: error EX_MISSING_TRANSLATION: exercise 'demo': hints has 2 English and 1 Russian texts; each one needs its translation");
    }

    @Test
    void missingCaptureAndStarterAreReportedWithTheirLines() throws IOException {
        ExerciseLoader.Result r = load(VALID.replace("captures/touch.jsonl\n    expect:\n      - fires: Demo rule\n        event: 2",
                "captures/nope.jsonl\n    expect:\n      - fires: Demo rule\n        event: 2").replace("starters/demo.yaml", "starters/gone.yaml"));
        assertThat(r.diagnostics()).extracting(Diagnostic::code, Diagnostic::line, Diagnostic::column)
                .contains(org.assertj.core.groups.Tuple.tuple(ExerciseCodes.MISSING_FILE, 8, 10),
                        org.assertj.core.groups.Tuple.tuple(ExerciseCodes.MISSING_FILE, 13, 14));
        assertThat(formatted(r)).anyMatch(s -> s.contains("case 'touch': capture 'captures/nope.jsonl' does not exist (looked for " + dir.resolve("captures/nope.jsonl")));
    }

    @Test
    void targetEventsAreCheckedAgainstTheCapture() throws IOException {
        ExerciseLoader.Result r = load(VALID.replace("event: 2", "event: 9").replace("proc.name: { startswith: tou }", "proc.name: { startswith: cat }"));
        assertThat(formatted(r)).contains(
                dir.resolve("demo.yaml") + ":15:9: error EX_NO_SUCH_EVENT: case 'touch': the capture has no event 9 (its last is 2) (touch.jsonl)",
                dir.resolve("demo.yaml") + ":23:9: error EX_NO_SUCH_EVENT: hidden check 'deep': no event of the capture is the event where fd.name = /test/testfile and proc.name startswith cat (touch.jsonl)");
    }

    @Test
    void unknownFieldInWhereSuggestsTheNearest() throws IOException {
        ExerciseLoader.Result r = load(VALID.replace("where: { fd.name:", "where: { fd.nme:"));
        assertThat(formatted(r)).anyMatch(s -> s.contains(":24:18: error EX_UNKNOWN_FIELD: hidden check 'deep': unknown field 'fd.nme'; did you mean 'fd.name'"));
    }

    @Test
    void badValuesAndShapes() throws IOException {
        ExerciseLoader.Result r = load(VALID.replace("level: 1", "level: 7").replace("      - silent: Other rule\n",
                "      - silent: Other rule\n        fires: Demo rule\n"));
        assertThat(formatted(r)).contains(
                dir.resolve("demo.yaml") + ":2:8: error EX_BAD_VALUE: exercise 'demo': level must be a number from 1 (easiest) to 5, not '7'");
        assertThat(r.diagnostics()).anyMatch(d -> d.line() == 17 && d.code().equals(ExerciseCodes.BAD_VALUE)
                && d.message().contains("exactly one of 'fires: RULE'"));
    }

    @Test
    void inlineStarterAndShapeErrorsAreReportedOnce() throws IOException {
        ExerciseLoader.Result inline = load(VALID.replace("starter: starters/demo.yaml",
                "starter:\n  inline: |\n    - list: mine\n      items: [a]\n"));
        assertThat(formatted(inline)).isEmpty();
        assertThat(inline.exercise().starter().path()).isNull();
        assertThat(inline.exercise().starter().text()).isEqualTo("- list: mine\n  items: [a]\n");

        int casesAt = VALID.indexOf("cases:\n");
        int hiddenAt = VALID.indexOf("hidden:\n");
        ExerciseLoader.Result notAList = load(VALID.substring(0, casesAt) + "cases: touch\n" + VALID.substring(hiddenAt));
        assertThat(formatted(notAList)).containsExactly(dir.resolve("demo.yaml")
                + ":10:8: error EX_BAD_VALUE: exercise 'demo': cases must be a list (lines starting with '- '), not the text 'touch'");
        ExerciseLoader.Result empty = load(VALID.substring(0, casesAt) + "cases: []\n" + VALID.substring(hiddenAt));
        assertThat(formatted(empty)).containsExactly(dir.resolve("demo.yaml")
                + ":10:8: error EX_BAD_VALUE: exercise 'demo': cases is empty; an exercise needs at least one visible case");
    }

    @Test
    void idMustMatchTheFileName() throws IOException {
        ExerciseLoader.Result r = load(VALID.replace("id: demo\n", "id: other\n"));
        assertThat(formatted(r)).contains(dir.resolve("demo.yaml") + ":1:5: error EX_BAD_ID: exercise 'other': id 'other' differs from the file name 'demo'; rename one of them");
    }

    @Test
    void yamlSyntaxErrorHasAPosition() throws IOException {
        ExerciseLoader.Result r = load("id: demo\ntitle: { en: x\nlevel: 1\n");
        assertThat(r.ok()).isFalse();
        assertThat(r.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(ExerciseCodes.YAML_PARSE);
            assertThat(d.line()).isEqualTo(3);
        });
    }

    @Test
    void duplicateKeysAreErrors() throws IOException {
        ExerciseLoader.Result r = load(VALID.replace("rule: Demo rule\n", "rule: Demo rule\nrule: Again\n"));
        assertThat(formatted(r)).contains(dir.resolve("demo.yaml") + ":8:1: error EX_DUPLICATE_KEY: exercise 'demo': key 'rule' appears twice in the exercise; keep one");
    }

    @Test
    void absentUpstreamRulesAreAWarningAndSkipTheCheck() throws IOException {
        ExerciseLoader.Result r = load(VALID.replace("rule: Demo rule\n", "rule: Demo rule\nrules: [upstream:falco_rules.yaml]\n"));
        assertThat(r.ok()).isTrue();
        assertThat(r.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(ExerciseCodes.UPSTREAM_ABSENT);
            assertThat(d.isError()).isFalse();
            assertThat(d.line()).isEqualTo(8);
        });
        GradeReport g = Grader.checkSolution(r.exercise());
        assertThat(g.status()).isEqualTo(GradeReport.Status.SKIPPED);
        assertThat(g.message().en()).contains("upstream:falco_rules.yaml").contains("not on this machine");
        assertThat(g.message().ru()).contains("upstream:falco_rules.yaml").contains("на этом компьютере его нет");
        assertThat(g.passed()).isFalse();
    }

    @Test
    void repositoryRulesFilesMustExist() throws IOException {
        ExerciseLoader.Result r = load(VALID.replace("rule: Demo rule\n", "rule: Demo rule\nrules:\n  - rules/missing.yaml\n"));
        assertThat(formatted(r)).anyMatch(s -> s.contains(":9:5: error EX_MISSING_FILE") && s.contains("rules file 'rules/missing.yaml' does not exist"));
    }

    @Test
    void catalogKeepsGoodFilesAndReportsBrokenOnes() throws IOException {
        Files.writeString(dir.resolve("demo.yaml"), VALID);
        Files.writeString(dir.resolve("broken.yaml"), "id: broken\nlevel: 1\n");
        ExerciseCatalog c = ExerciseCatalog.load(dir);
        assertThat(c.exercises()).extracting(Exercise::id).containsExactly("demo");
        assertThat(c.ok()).isFalse();
        assertThat(c.diagnostics()).allMatch(d -> d.file().endsWith("broken.yaml")).isNotEmpty();
        assertThat(c.find("demo")).isPresent();
        assertThat(c.find("broken")).isEmpty();
    }
}
