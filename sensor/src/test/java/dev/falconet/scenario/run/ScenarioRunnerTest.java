package dev.falconet.scenario.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falconet.engine.RuleEngine;
import dev.falconet.scenario.RulesCache;
import dev.falconet.scenario.Scenario;
import dev.falconet.scenario.ScenarioLoader;
import dev.falconet.scenario.Step;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The runner around a backend: skipped when the backend says why it cannot run, errors from the backend,
 * a step's exit code, warnings of a failing run, and the observer's sequence of events.
 */
class ScenarioRunnerTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final RulesCache RULES = new RulesCache();

    /** A backend that replays the real capture but reports scripted step results, availability and failures. */
    static final class ScriptedBackend implements ScenarioBackend {
        final ReplayBackend replay = new ReplayBackend();
        String unavailable;
        String prepareFailure;
        String runFailure;
        int exit;
        List<String> warnings = List.of();

        public String name() {
            return "scripted";
        }

        public Optional<String> unavailable(Scenario s) {
            return Optional.ofNullable(unavailable);
        }

        public void prepare(List<Scenario> scenarios, ScenarioObserver observer) throws ScenarioException {
            if (prepareFailure != null) throw new ScenarioException(prepareFailure);
        }

        public BackendRun run(Scenario s, RuleEngine engine, ScenarioObserver observer) throws ScenarioException {
            if (runFailure != null) throw new ScenarioException(runFailure);
            BackendRun r = replay.run(s, engine, observer);
            List<StepResult> steps = new ArrayList<>();
            for (Step st : s.steps()) steps.add(new StepResult(st, exit, "touch: cannot touch '/test/testfile': Permission denied\n", 5));
            return new BackendRun(r.alerts(), steps, warnings);
        }
    }

    static Scenario scenario(String id) {
        return new ScenarioLoader(ROOT, RULES).loadFile(ROOT.resolve("scenarios/" + id + ".yaml")).scenario().orElseThrow();
    }

    @Test
    void aStepWithTheWrongExitCodeFailsTheRunWithItsOutput() {
        var b = new ScriptedBackend();
        b.exit = 1;
        b.warnings = List.of("the sensor dropped 12 events during the run");
        ScenarioResult r = new ScenarioRunner(RULES).run(scenario("write-below-test"), b, ScenarioObserver.NONE);
        assertThat(r.outcome()).isEqualTo(ScenarioResult.Outcome.FAIL);
        assertThat(r.reasons()).containsExactly(
                "step 'mkdir' exited with 1, expected 0 (output: touch: cannot touch '/test/testfile': Permission denied)",
                "step 'touch' exited with 1, expected 0 (output: touch: cannot touch '/test/testfile': Permission denied)",
                "the sensor dropped 12 events during the run");
        b.exit = 0;
        ScenarioResult ok = new ScenarioRunner(RULES).run(scenario("write-below-test"), b, ScenarioObserver.NONE);
        assertThat(ok.outcome()).as(ok.reasons().toString()).isEqualTo(ScenarioResult.Outcome.PASS);
        // warnings of a passing run are not reasons
        assertThat(ok.reasons()).isEmpty();
    }

    @Test
    void unavailableSkipsAndBackendFailuresAreErrors() {
        var b = new ScriptedBackend();
        b.unavailable = "podman is not installed (apt-get install podman runc)";
        ScenarioResult skipped = new ScenarioRunner(RULES).run(scenario("read-pam-passwd"), b, ScenarioObserver.NONE);
        assertThat(skipped.outcome()).isEqualTo(ScenarioResult.Outcome.SKIPPED);
        assertThat(skipped.reasons()).containsExactly("podman is not installed (apt-get install podman runc)");
        b.unavailable = null;
        b.runFailure = "podman could not start falconet-x: no space left on device";
        ScenarioResult error = new ScenarioRunner(RULES).run(scenario("read-pam-passwd"), b, ScenarioObserver.NONE);
        assertThat(error.outcome()).isEqualTo(ScenarioResult.Outcome.ERROR);
        assertThat(error.reasons()).containsExactly("podman could not start falconet-x: no space left on device");
        b.runFailure = null;
        b.prepareFailure = "busybox-static is not installed";
        List<ScenarioResult> all = new ScenarioRunner(RULES).runAll(List.of(scenario("read-pam-passwd"), scenario("symlink-shadow")), b,
                ScenarioObserver.NONE);
        assertThat(all).allSatisfy(r -> {
            assertThat(r.outcome()).isEqualTo(ScenarioResult.Outcome.ERROR);
            assertThat(r.reasons()).containsExactly("busybox-static is not installed");
        });
    }

    @Test
    void theObserverSeesTheRunInOrder() {
        List<String> seen = new ArrayList<>();
        ScenarioObserver o = new ScenarioObserver() {
            public void scenarioStarted(Scenario s, String backend) {
                seen.add("start " + s.id() + " " + backend);
            }

            public void alertSeen(Scenario s, SeenAlert a) {
                seen.add("alert " + a.rule() + " @" + a.step());
            }

            public void scenarioFinished(ScenarioResult r) {
                seen.add("finish " + r.outcome());
            }
        };
        try (ReplayBackend replay = new ReplayBackend()) {
            new ScenarioRunner(RULES).runAll(List.of(scenario("write-below-test-prod")), replay, o);
        }
        assertThat(seen).containsExactly("start write-below-test-prod replay", "alert Write below test directory @touch-prod", "finish PASS");
    }
}
