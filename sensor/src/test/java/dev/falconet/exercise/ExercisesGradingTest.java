package dev.falconet.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.falconet.capture.CaptureReader;
import dev.falconet.engine.RuleEngine;
import dev.falconet.rules.diag.Diagnostic;
import dev.falconet.rules.load.RulesSource;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The repository's exercises: every file loads cleanly; every reference solution passes all cases, hidden
 * checks and requirements; every starter file fails with a message that points at the problem; a
 * deliberately over-broad rule is caught by the negative cases.
 */
class ExercisesGradingTest {
    static ExerciseCatalog catalog;

    @BeforeAll
    static void load() {
        catalog = ExerciseCatalog.load(ExerciseTesting.exercisesDir());
    }

    /** What each starter's report must say: the failing part of the condition with the value the field had, or the missing piece. */
    static final Map<String, List<String>> STARTER_MESSAGES = Map.of(
            "write-below-test", List.of("case 1 'touch-testfile'", "-- FAILED",
                    "did not fire on event 2 (openat, proc.name=touch, fd.name=/test/testfile)",
                    "fd.name = \"/change/me\"   <- fd.name=/test/testfile"),
            "credential-files-list", List.of("requirement: define a list named 'cloud_credential_files': NOT MET",
                    "fd.name = \"/root/.aws/credentials\"   <- fd.name=/root/.kube/config"),
            "web-shell-macro", List.of("requirement: define a macro named 'web_server_parent': NOT MET",
                    "case 2 'admin-runs-sh'", "fired on 1 event of this capture, but it must stay silent",
                    "event 1 (execve, proc.name=sh, fd.name=<NA>)", "Critical Shell spawned by web server (shell=sh parent=bash"),
            "package-manager-in-container", List.of("case 2 'apt-get-on-host'", "but it must stay silent",
                    "command=apt-get install -y nmap user=root container_id=host"),
            "tune-with-exceptions", List.of("requirement: give rule 'Write below etc' exceptions on proc.name, fd.name: NOT MET (the rule has no exceptions)",
                    "event 2 (openat, proc.name=ldconfig, fd.name=/etc/ld.so.cache~)", "event 2 (openat, proc.name=vim, fd.name=/etc/motd)"),
            "extend-upstream-list", List.of("case 2 'cat-shadow'", "fd.name in (\"/etc/krb5.keytab\")   <- fd.name=/etc/shadow"),
            "prod-namespace-only", List.of("case 1 'touch-in-prod'", "k8s.ns.name = \"default\"   <- k8s.ns.name=prod"),
            "symlink-evasion", List.of("did not fire on event 2 (symlinkat, proc.name=ln",
                    "evt.arg.target = \"/change/me\"   <- evt.arg.target=/etc/pam.d/passwd"),
            "web-shell-ancestry", List.of("did not fire on event 2 (execve, proc.name=id",
                    "proc.aname[1] in (\"nginx\", \"httpd\", \"apache2\", \"php-fpm\")   <- proc.aname[1]=sh"));

    /** A rule with the exercise's rule name that matches far too much: the negative cases must catch it. */
    static final Map<String, String> OVER_BROAD = Map.of(
            "write-below-test", "evt.type = openat",
            "credential-files-list", "evt.type = openat",
            "web-shell-macro", "evt.type = execve",
            "package-manager-in-container", "evt.type = execve",
            "tune-with-exceptions", "evt.type = openat",
            "extend-upstream-list", "evt.type = openat",
            "prod-namespace-only", "evt.type = openat",
            "symlink-evasion", "evt.type in (symlink, symlinkat)",
            "web-shell-ancestry", "evt.type = execve");

    @Test
    void everyExerciseFileLoadsWithoutErrors() {
        assertThat(catalog.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::format)).isEmpty();
        assertThat(catalog.diagnostics()).allMatch(d -> d.code().equals(ExerciseCodes.UPSTREAM_ABSENT), "only absent upstream files may warn");
        assertThat(catalog.exercises()).hasSizeGreaterThanOrEqualTo(8);
        assertThat(catalog.exercises().stream().map(Exercise::id)).containsExactlyInAnyOrderElementsOf(STARTER_MESSAGES.keySet());
        assertThat(catalog.exercises().getFirst().id()).isEqualTo("write-below-test");
        assertThat(catalog.exercises()).isSortedAccordingTo(java.util.Comparator.comparingInt(Exercise::level));
        for (Exercise e : catalog.exercises()) {
            assertThat(e.hidden()).as(e.id() + " has hidden checks").isNotEmpty();
            assertThat(e.cases().stream().flatMap(c -> c.expectations().stream()))
                    .as(e.id() + " has a positive and a negative visible case")
                    .anyMatch(Expectation.Fires.class::isInstance).anyMatch(Expectation.Silent.class::isInstance);
        }
    }

    @TestFactory
    Stream<DynamicTest> referenceSolutionsPassEverything() {
        return catalog.exercises().stream().map(e -> dynamicTest(e.id(), () -> {
            assumeCheckable(e);
            GradeReport r = Grader.checkSolution(e);
            assertThat(r.status()).as(GradeReportText.render(r, "en")).isEqualTo(GradeReport.Status.PASSED);
            assertThat(r.cases()).hasSize(e.cases().size() + e.hidden().size()).allMatch(CaseResult::passed);
            assertThat(r.diagnostics()).as("the solution loads without warnings").isEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicTest> startersFailWithMessagesThatPointAtTheProblem() {
        return catalog.exercises().stream().map(e -> dynamicTest(e.id(), () -> {
            assumeCheckable(e);
            GradeReport r = Grader.checkStarter(e);
            String text = GradeReportText.render(r, "en");
            assertThat(r.status()).as(text).isEqualTo(GradeReport.Status.FAILED);
            assertThat(r.visibleCases()).as(text).anyMatch(c -> !c.passed());
            assertThat(text).contains(STARTER_MESSAGES.get(e.id()));
        }));
    }

    @TestFactory
    Stream<DynamicTest> overBroadRulesAreCaughtByNegativeCases() {
        return catalog.exercises().stream().map(e -> dynamicTest(e.id(), () -> {
            assumeCheckable(e);
            String rules = "- rule: " + e.rule() + "\n  desc: matches too much\n  condition: " + OVER_BROAD.get(e.id())
                    + "\n  output: broad %proc.name %fd.name\n  priority: WARNING\n";
            GradeReport r = Grader.check(e, rules, "broad.yaml");
            String text = GradeReportText.render(r, "en");
            assertThat(r.status()).as(text).isEqualTo(GradeReport.Status.FAILED);
            List<CaseResult> caught = r.visibleCases().stream()
                    .filter(c -> c.findings().stream().anyMatch(Finding.FalseAlarm.class::isInstance)).toList();
            assertThat(caught).as("a visible negative case reports the false alarm\n" + text).isNotEmpty();
            assertThat(text).contains("but it must stay silent").contains("broad ");
        }));
    }

    /**
     * The premise of symlink-evasion: with the upstream rules alone, reading /etc/pam.d/passwd through a link
     * alerts on nothing, while the same read by its real name is caught.
     */
    @Test
    void theSymlinkEvasionEvadesTheUpstreamRules() {
        Exercise e = catalog.find("symlink-evasion").orElseThrow();
        assumeCheckable(e);
        RuleEngine upstream = RuleEngine.load(RulesSource.readAll(List.of(e.rulesFiles().getFirst().path())).sources(), Grader.OPTIONS).engine();
        Set<String> throughLink = new HashSet<>();
        CaptureReader.replay(e.cases().getFirst().capture(), ev -> upstream.process(ev, a -> throughLink.add(a.rule())));
        assertThat(throughLink).doesNotContain("Read sensitive file untrusted", "Create Symlink Over Sensitive Files");
        Set<String> byName = new HashSet<>();
        CaptureReader.replay(ExerciseTesting.repoRoot().resolve("sensor/src/test/resources/fixtures/stable/read-sensitive-file-untrusted/positive-pamd.jsonl"),
                ev -> upstream.process(ev, a -> byName.add(a.rule())));
        assertThat(byName).contains("Read sensitive file untrusted");
    }

    static void assumeCheckable(Exercise e) {
        Assumptions.assumeTrue(e.rulesFiles().stream().allMatch(RulesFileRef::present),
                e.id() + " loads the upstream rules, absent here (../shared/falco-upstream): skipped");
    }
}
