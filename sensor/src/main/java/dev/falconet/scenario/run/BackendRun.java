package dev.falconet.scenario.run;

import java.util.List;

/**
 * What a backend observed while running a scenario.
 *
 * @param alerts the alerts of the scenario's processes, in order
 * @param steps  the steps it ran, in order (empty for replay)
 */
public record BackendRun(List<SeenAlert> alerts, List<StepResult> steps) {
    public BackendRun {
        alerts = List.copyOf(alerts);
        steps = List.copyOf(steps);
    }
}
