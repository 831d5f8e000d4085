package dev.falconet.scenario.run;

import dev.falconet.scenario.Scenario;
import java.util.List;

/**
 * The result of running one scenario on one backend.
 *
 * @param scenario the scenario
 * @param backend  the backend's name ({@code replay}, {@code podman}, {@code minikube})
 * @param outcome  pass, fail, skipped (a prerequisite is missing) or error (the backend could not run it)
 * @param reasons  why it failed, was skipped or errored, one line each ("expected rule X not seen" ...); empty on pass
 * @param alerts   the alerts the run produced, in order
 * @param steps    the steps run (empty for replay)
 * @param millis   how long the run took
 */
public record ScenarioResult(Scenario scenario, String backend, Outcome outcome, List<String> reasons,
                             List<SeenAlert> alerts, List<StepResult> steps, long millis) {
    /** How a run ended. */
    public enum Outcome { PASS, FAIL, SKIPPED, ERROR }

    public ScenarioResult {
        reasons = List.copyOf(reasons);
        alerts = List.copyOf(alerts);
        steps = List.copyOf(steps);
    }

    public boolean passed() {
        return outcome == Outcome.PASS;
    }
}
