package dev.falconet.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falconet.capture.CaptureReader;
import dev.falconet.rules.diag.Diagnostic;
import dev.falconet.scenario.run.ReplayBackend;
import dev.falconet.scenario.run.ScenarioObserver;
import dev.falconet.scenario.run.ScenarioResult;
import dev.falconet.scenario.run.ScenarioRunner;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The repository's scenarios: every file loads without errors, every capture was recorded for its scenario,
 * and replays to exactly its expectations (the runner fails on a missing, differing or unexpected alert).
 */
class ScenarioCapturesTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final RulesCache RULES = new RulesCache();

    private static ScenarioCatalog catalog() {
        return new ScenarioLoader(ROOT, RULES).loadDirectory(ROOT.resolve("scenarios"));
    }

    @Test
    void everyScenarioFileLoads() {
        ScenarioCatalog c = catalog();
        assertThat(c.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::format)).isEmpty();
        assertThat(c.scenarios()).extracting(Scenario::id).contains("read-pam-passwd", "drop-exec-nmap", "packet-socket-tcpdump",
                "symlink-shadow", "write-below-test", "write-below-test-prod");
        assertThat(c.scenarios().stream().filter(s -> s.group().equals("lab"))).hasSizeGreaterThanOrEqualTo(6);
    }

    @Test
    void everyCaptureWasRecordedForItsScenario() {
        for (Scenario s : catalog().scenarios()) {
            try (CaptureReader r = CaptureReader.open(s.captureFile())) {
                assertThat(r.header().source()).as(s.capture()).isEqualTo("scenario:" + s.id());
            }
        }
    }

    @Test
    void everyCaptureReplaysToExactlyItsExpectations() {
        List<Scenario> all = catalog().scenarios();
        List<ScenarioResult> results;
        try (ReplayBackend replay = new ReplayBackend()) {
            results = new ScenarioRunner(RULES).runAll(all, replay, ScenarioObserver.NONE);
        }
        for (ScenarioResult r : results) {
            if (r.outcome() == ScenarioResult.Outcome.SKIPPED) {
                // only upstream rules that are absent on this machine may skip a replay
                assertThat(r.reasons()).as(r.scenario().id()).singleElement().asString().contains("falco-upstream");
                continue;
            }
            assertThat(r.outcome()).as("%s: %s", r.scenario().id(), r.reasons()).isEqualTo(ScenarioResult.Outcome.PASS);
            assertThat(r.alerts()).as(r.scenario().id()).isNotEmpty();
        }
        assertThat(results.stream().filter(r -> r.scenario().group().equals("lab")))
                .allSatisfy(r -> assertThat(r.passed()).as(r.scenario().id()).isTrue());
    }
}
