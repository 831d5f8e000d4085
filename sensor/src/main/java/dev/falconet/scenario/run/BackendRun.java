package dev.falconet.scenario.run;

import java.util.List;

/**
 * What a backend observed while running a scenario.
 *
 * @param alerts   the alerts of the scenario's processes, in order
 * @param steps    the steps it ran, in order (empty for replay)
 * @param warnings what may have made the run unreliable (e.g. events the sensor dropped); the runner adds
 *                 them to the reasons of a run that fails
 */
public record BackendRun(List<SeenAlert> alerts, List<StepResult> steps, List<String> warnings) {
    public BackendRun {
        alerts = List.copyOf(alerts);
        steps = List.copyOf(steps);
        warnings = List.copyOf(warnings);
    }

    /** A run without warnings. */
    public BackendRun(List<SeenAlert> alerts, List<StepResult> steps) {
        this(alerts, steps, List.of());
    }
}
