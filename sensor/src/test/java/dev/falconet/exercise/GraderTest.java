package dev.falconet.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falconet.rules.diag.Diagnostic;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The grader's findings and the report's text and JSON, on the repository's first exercise. */
class GraderTest {
    static Exercise writeBelowTest;
    static Exercise prodOnly;
    static Exercise credentials;

    static final String RULE_HEAD = """
            - macro: open_write
              condition: (evt.type in (open, openat, openat2) and evt.is_open_write=true and fd.typechar='f' and fd.num>=0)
            """;

    @BeforeAll
    static void load() {
        ExerciseCatalog c = ExerciseCatalog.load(ExerciseTesting.exercisesDir());
        writeBelowTest = c.find("write-below-test").orElseThrow();
        prodOnly = c.find("prod-namespace-only").orElseThrow();
        credentials = c.find("credential-files-list").orElseThrow();
    }

    private static String rule(String name, String condition, String extra) {
        return RULE_HEAD + "- rule: " + name + "\n  desc: d\n  condition: " + condition
                + "\n  output: write %fd.name\n  priority: WARNING\n" + extra;
    }

    @Test
    void rulesFileErrorsComeFirstWithPositionsAndNoCaseRuns() {
        String text = rule("Write below test directory", "open_write and fd.nme startswith /test/", "");
        GradeReport r = Grader.check(writeBelowTest, text, "mine.yaml");
        assertThat(r.status()).isEqualTo(GradeReport.Status.RULES_ERROR);
        assertThat(r.cases()).isEmpty();
        assertThat(r.diagnostics()).first().satisfies(d -> {
            assertThat(d.file()).isEqualTo("mine.yaml");
            assertThat(d.line()).isEqualTo(5);
            assertThat(d.isError()).isTrue();
            assertThat(d.message()).contains("fd.nme");
        });
        String out = GradeReportText.render(r, "en");
        assertThat(out).startsWith("Exercise write-below-test: checking mine.yaml\nmine.yaml:5:")
                .contains("the rules do not load (1 error); fix them first, no case was run")
                .contains("Result: FAILED (the rules file has errors)");
    }

    @Test
    void warningsOfTheStudentsFileAreShownAndTheRulesStillRun() {
        String text = rule("Write below test directory", "open_write and fd.name startswith /test/", "- list: unused_things\n  items: [a]\n");
        GradeReport r = Grader.check(writeBelowTest, text, "mine.yaml");
        assertThat(r.status()).isEqualTo(GradeReport.Status.PASSED);
        assertThat(r.diagnostics()).extracting(Diagnostic::code).containsExactly("LOAD_UNUSED_LIST");
        assertThat(GradeReportText.render(r, "en")).contains("mine.yaml:8:3: warning LOAD_UNUSED_LIST").contains("Result: PASSED (5 of 5 cases)");
    }

    @Test
    void misspeltRuleNameIsReportedWithTheNearestName() {
        GradeReport r = Grader.check(writeBelowTest, rule("Write below test dir", "open_write and fd.name startswith /test/", ""), "mine.yaml");
        assertThat(r.status()).isEqualTo(GradeReport.Status.FAILED);
        assertThat(r.visibleCases().getFirst().findings()).singleElement().isInstanceOfSatisfying(Finding.NoSuchRule.class, f ->
                assertThat(f.suggestion()).isEqualTo("Write below test dir"));
        assertThat(GradeReportText.render(r, "en")).contains("there is no rule named 'Write below test directory' (did you mean 'Write below test dir'?)");
    }

    @Test
    void disabledRuleAndWrongEventTypesAreExplained() {
        GradeReport disabled = Grader.check(writeBelowTest, rule("Write below test directory", "open_write and fd.name startswith /test/", "  enabled: false\n"), "mine.yaml");
        assertThat(GradeReportText.render(disabled, "en")).contains("the rule is disabled (enabled: false)");

        GradeReport wrongType = Grader.check(writeBelowTest, rule("Write below test directory", "evt.type = execve and fd.name startswith /test/", ""), "mine.yaml");
        Finding.Missed m = (Finding.Missed) wrongType.visibleCases().getFirst().findings().getFirst();
        assertThat(m.appliesToEventType()).isFalse();
        assertThat(m.ruleEventTypes()).isEqualTo("execve");
        assertThat(m.whyNot()).extracting(n -> n.text()).containsExactly("evt.type = \"execve\"");
        assertThat(GradeReportText.render(wrongType, "en")).contains("the rule only looks at event types execve, not openat");
    }

    @Test
    void hiddenChecksShowOnlyTheirNumberOutcomeAndHint() {
        GradeReport r = Grader.checkStarter(writeBelowTest);
        Map<String, Object> json = GradeReportJson.toMap(r, "ru");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> hidden = (List<Map<String, Object>>) json.get("hidden");
        assertThat(hidden).hasSize(2);
        assertThat(hidden.get(0)).containsOnlyKeys("number", "passed", "hint").containsEntry("passed", false)
                .containsEntry("hint", "Считается любая программа, в том числе сама оболочка, и файлы во вложенных каталогах /test тоже.");
        assertThat(hidden.get(1)).containsOnlyKeys("number", "passed").containsEntry("passed", true);
        String text = GradeReportText.render(r, "en");
        assertThat(text).doesNotContain("redirect-deep").doesNotContain("run.log").doesNotContain("touch-home-test");
        assertThat(text).contains("hidden check 1: FAILED\n  hint: Any program counts");
    }

    @Test
    void theReportSpeaksRussianWhenAsked() {
        String ru = GradeReportText.render(Grader.checkStarter(writeBelowTest), "ru");
        assertThat(ru).startsWith("Упражнение write-below-test: проверяется ")
                .contains("случай 1 'touch-testfile': touch /test/testfile из оболочки пользователя -- НЕ ПРОЙДЕН")
                .contains("правило 'Write below test directory' не сработало на событии 2 (openat, proc.name=touch, fd.name=/test/testfile)")
                .contains("почему нет (ложные части условия):\n    fd.name = \"/change/me\"   <- fd.name=/test/testfile")
                .contains("скрытая проверка 1: НЕ ПРОЙДЕНА\n  подсказка: Считается любая программа")
                .contains("Итог: НЕ ПРОЙДЕНО (пройдено случаев: 3 из 5)");
        String req = GradeReportText.render(Grader.checkStarter(credentials), "ru");
        assertThat(req).contains("требование: определить список с именем 'cloud_credential_files': НЕ ВЫПОЛНЕНО (в вашем файле нет такого списка)");
    }

    @Test
    void jsonCarriesTheExplainTreeAndTheOffendingEvents() {
        GradeReport r = Grader.check(writeBelowTest, rule("Write below test directory", "open_write and fd.name startswith /test", ""), "mine.yaml");
        Map<String, Object> json = GradeReportJson.toMap(r, "en");
        assertThat(json).containsEntry("status", "failed").containsEntry("passed", false).containsEntry("cases_total", 5);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> cases = (List<Map<String, Object>>) json.get("cases");
        @SuppressWarnings("unchecked")
        Map<String, Object> falseAlarm = ((List<Map<String, Object>>) cases.get(1).get("findings")).getFirst();
        assertThat(falseAlarm).containsEntry("kind", "false_alarm").containsEntry("rule", "Write below test directory");
        @SuppressWarnings("unchecked")
        Map<String, Object> event = ((List<Map<String, Object>>) falseAlarm.get("events")).getFirst();
        assertThat(event).containsEntry("num", 2L).containsEntry("evt.type", "openat").containsEntry("proc.name", "touch")
                .containsEntry("fd.name", "/testdata/file");
        assertThat((String) event.get("alert")).startsWith("10:00:00.001000000: Warning write /testdata/file");

        GradeReport starter = Grader.checkStarter(writeBelowTest);
        @SuppressWarnings("unchecked")
        Map<String, Object> missed = ((List<Map<String, Object>>) ((List<Map<String, Object>>) GradeReportJson.toMap(starter, "en")
                .get("cases")).getFirst().get("findings")).getFirst();
        assertThat(missed).containsEntry("kind", "missed").containsKeys("tree", "why_not", "event");
        assertThat(missed.get("why_not")).isEqualTo(List.of("fd.name = \"/change/me\"   <- fd.name=/test/testfile"));
        @SuppressWarnings("unchecked")
        Map<String, Object> tree = (Map<String, Object>) missed.get("tree");
        assertThat(tree).containsEntry("kind", "and").containsEntry("outcome", "false");
    }

    @Test
    void requirementsAreCheckedAgainstTheStudentsOwnFile() {
        String withList = """
                - macro: open_read
                  condition: (evt.type in (open, openat, openat2) and evt.is_open_read=true and fd.typechar='f' and fd.num>=0)
                - list: cloud_credential_files
                  items: [/root/.aws/credentials, /root/.kube/config, /root/.docker/config.json]
                - rule: Read cloud credentials
                  desc: d
                  condition: open_read and fd.name in (cloud_credential_files)
                  output: read %fd.name
                  priority: WARNING
                """;
        GradeReport ok = Grader.check(credentials, withList, "mine.yaml");
        assertThat(ok.requirements()).singleElement().satisfies(q -> assertThat(q.met()).isTrue());
        assertThat(ok.passed()).isTrue();

        String inline = withList.replace("fd.name in (cloud_credential_files)",
                "fd.name in (/root/.aws/credentials, /root/.kube/config, /root/.docker/config.json)")
                .replace("- list: cloud_credential_files\n  items: [/root/.aws/credentials, /root/.kube/config, /root/.docker/config.json]\n", "");
        GradeReport noList = Grader.check(credentials, inline, "mine.yaml");
        assertThat(noList.visibleCases()).allMatch(CaseResult::passed);
        assertThat(noList.status()).isEqualTo(GradeReport.Status.FAILED);
        assertThat(GradeReportText.render(noList, "en")).contains("NOT MET (your file has no such list)")
                .contains("a requirement is not met");
    }

    @Test
    void anUnreadableRulesFileIsARulesError() {
        GradeReport r = Grader.check(writeBelowTest, Path.of("/nonexistent/mine.yaml"));
        assertThat(r.status()).isEqualTo(GradeReport.Status.RULES_ERROR);
        assertThat(r.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("LOAD_ERR_FILE_READ");
            assertThat(d.message()).contains("file not found");
        });
    }

    @Test
    void rulesLoadedBeforeTheStudentsFileDoNotHideIt() {
        // prod-namespace-only loads rules/falconet_rules.yaml first: its own rules alert too (rule matching "all"),
        // and the false alarm of the unchanged lab rule is reported with its alert line
        GradeReport r = Grader.check(prodOnly, "# nothing yet\n", "mine.yaml");
        assertThat(r.status()).isEqualTo(GradeReport.Status.FAILED);
        assertThat(r.diagnostics()).isEmpty();
        assertThat(GradeReportText.render(r, "en")).contains("case 2 'touch-in-secured-ns'")
                .contains("Warning File below /test opened for writing (file=/test/testfile");
    }
}
