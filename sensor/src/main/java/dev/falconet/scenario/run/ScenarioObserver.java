package dev.falconet.scenario.run;

import dev.falconet.scenario.Scenario;
import dev.falconet.scenario.Step;

/**
 * Progress of a run, step by step: what the CLI prints and the app's Scenarios page shows. Called on the
 * thread that runs the scenario, except {@link #alertSeen}, which a live backend calls on the sensor's
 * thread. Implementations must return quickly; every method has an empty default.
 */
public interface ScenarioObserver {
    /** A scenario run begins on this backend. */
    default void scenarioStarted(Scenario scenario, String backend) {}

    /** Something the backend is doing that takes a while (building the lab image, starting containers ...). */
    default void progress(Scenario scenario, String message) {}

    /** A step is about to run. */
    default void stepStarted(Scenario scenario, Step step) {}

    /** A step finished. */
    default void stepFinished(Scenario scenario, StepResult result) {}

    /** An alert of the scenario was seen. */
    default void alertSeen(Scenario scenario, SeenAlert alert) {}

    /** The run is over and its alerts were matched against the expectations. */
    default void scenarioFinished(ScenarioResult result) {}

    /** An observer that ignores everything. */
    ScenarioObserver NONE = new ScenarioObserver() {};
}
