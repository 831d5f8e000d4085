package dev.falconet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code falconet exercise list|show|check}: output, --json shape, exit codes. */
class ExerciseCommandTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        CommandLine cl = FalconetCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    static Path repoRoot() {
        Path d = Path.of("").toAbsolutePath();
        while (d != null && !Files.exists(d.resolve("mvnw"))) d = d.getParent();
        return d;
    }

    static String exercises() {
        return repoRoot().resolve("scenarios/exercises").toString();
    }

    static String solution(String id) {
        return repoRoot().resolve("scenarios/exercises/solutions/" + id + ".yaml").toString();
    }

    @Test
    void listShowsEveryExerciseEasiestFirst() {
        Run r = run("exercise", "list");
        assertThat(r.exit()).as(r.err()).isZero();
        String[] lines = r.out().split("\n");
        assertThat(lines[0]).startsWith("ID").contains("LEVEL").contains("TITLE");
        assertThat(lines[1]).startsWith("write-below-test").contains("Catch writes below /test").contains("3+2");
        assertThat(r.out()).contains("symlink-evasion").contains("web-shell-ancestry").contains("9 exercises in ");
        assertThat(run("exercise", "list", "--lang", "ru").out()).contains("Запись в каталог /test");
    }

    @Test
    void listJsonShape() throws IOException {
        Run r = run("exercise", "list", "--json", "--exercises", exercises());
        assertThat(r.exit()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("root").asText()).isEqualTo(exercises());
        assertThat(j.get("diagnostics").isArray()).isTrue();
        JsonNode first = j.get("exercises").get(0);
        assertThat(first.get("id").asText()).isEqualTo("write-below-test");
        assertThat(first.get("level").asInt()).isEqualTo(1);
        assertThat(first.get("title").get("ru").asText()).isEqualTo("Запись в каталог /test");
        assertThat(first.get("rule").asText()).isEqualTo("Write below test directory");
        assertThat(first.get("cases").asInt()).isEqualTo(3);
        assertThat(first.get("hidden_checks").asInt()).isEqualTo(2);
        assertThat(first.get("checkable").asBoolean()).isTrue();
        assertThat(first.get("starter").asText()).endsWith("starters/write-below-test.yaml");
        assertThat(r.out()).doesNotContain("solutions/");
        assertThat(j.get("exercises").size()).isGreaterThanOrEqualTo(8);
    }

    @Test
    void showPrintsTaskStarterCasesAndHintsButNoSolutionOrHiddenCapture() {
        Run r = run("exercise", "show", "write-below-test");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Catch writes below /test  [write-below-test, level 1]")
                .contains("The lab's custom rule")
                .contains("Starter file: ").contains("starters/write-below-test.yaml")
                .contains("1. touch /test/testfile from a login shell")
                .contains("'Write below test directory' must fire on the event where fd.name = /test/testfile")
                .contains("'Write below test directory' must not fire")
                .contains("... and 2 hidden checks.")
                .contains("Hints:\n  1. Print what the rule sees")
                .doesNotContain("solutions/").doesNotContain("redirect-deep");
        Run ru = run("exercise", "show", "extend-upstream-list", "--lang", "ru");
        assertThat(ru.out()).contains("Дополнение списка из правил Falco").contains("upstream:falco_rules.yaml");
    }

    @Test
    void checkExitsZeroWhenEverythingPassesAndOneOtherwise() {
        Run pass = run("exercise", "check", "write-below-test", solution("write-below-test"));
        assertThat(pass.exit()).as(pass.out()).isZero();
        assertThat(pass.out()).contains("Result: PASSED (5 of 5 cases)");

        Run fail = run("exercise", "check", "write-below-test", repoRoot().resolve("scenarios/exercises/starters/write-below-test.yaml").toString());
        assertThat(fail.exit()).isEqualTo(1);
        assertThat(fail.out()).contains("fd.name = \"/change/me\"   <- fd.name=/test/testfile").contains("Result: FAILED (3 of 5 cases passed)");
    }

    @Test
    void checkReportsRulesErrorsWithPositionsAndExitsOne() throws IOException {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "- rule: Write below test directory\n  desc: d\n  condition: (fd.name startswith /test/\n  output: o\n  priority: WARNING\n");
        Run r = run("exercise", "check", "write-below-test", bad.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains(bad + ":3:").contains("error LOAD_ERR_COMPILE_CONDITION").contains("no case was run");
    }

    @Test
    void checkJsonShape() throws IOException {
        Run r = run("exercise", "check", "--json", "write-below-test", repoRoot().resolve("scenarios/exercises/starters/write-below-test.yaml").toString());
        assertThat(r.exit()).isEqualTo(1);
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("exercise").asText()).isEqualTo("write-below-test");
        assertThat(j.get("status").asText()).isEqualTo("failed");
        assertThat(j.get("passed").asBoolean()).isFalse();
        assertThat(j.get("cases_passed").asInt()).isEqualTo(3);
        assertThat(j.get("cases_total").asInt()).isEqualTo(5);
        JsonNode c1 = j.get("cases").get(0);
        assertThat(c1.get("id").asText()).isEqualTo("touch-testfile");
        assertThat(c1.get("passed").asBoolean()).isFalse();
        JsonNode finding = c1.get("findings").get(0);
        assertThat(finding.get("kind").asText()).isEqualTo("missed");
        assertThat(finding.get("event").get("num").asLong()).isEqualTo(2);
        assertThat(finding.get("tree").get("children").size()).isEqualTo(2);
        assertThat(j.get("hidden").get(0).has("hint")).isTrue();
        assertThat(j.get("hidden").get(1).has("hint")).isFalse();
    }

    @Test
    void usageErrorsExitTwo() {
        Run unknown = run("exercise", "check", "write-below-tst", solution("write-below-test"));
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("no exercise 'write-below-tst'; did you mean 'write-below-test'?");
        assertThat(run("exercise", "check", "write-below-test").exit()).isEqualTo(2);
        assertThat(run("exercise", "show").exit()).isEqualTo(2);
        assertThat(run("exercise").exit()).isEqualTo(2);
        Run lang = run("exercise", "list", "--lang", "de");
        assertThat(lang.exit()).isEqualTo(2);
        assertThat(lang.err()).contains("--lang must be 'en' or 'ru'");
        assertThat(run("exercise", "--help").exit()).isZero();
        assertThat(run("exercise", "check", "--help").out()).contains("Exit codes: 0 every case passed");
    }

    @Test
    void brokenExerciseFilesAreReportedAndListExitsOne() throws IOException {
        Files.writeString(dir.resolve("broken.yaml"), "id: broken\nlevel: 1\ntitel: x\n");
        Run r = run("exercise", "list", "--exercises", dir.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains(dir.resolve("broken.yaml") + ":3:1: error EX_UNKNOWN_KEY: exercise 'broken': unknown key 'titel' in the exercise. Did you mean 'title'?");
        assertThat(r.out()).contains("0 exercises");
    }
}
