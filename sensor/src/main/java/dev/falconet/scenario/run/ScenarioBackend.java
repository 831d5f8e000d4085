package dev.falconet.scenario.run;

import dev.falconet.engine.RuleEngine;
import dev.falconet.scenario.Scenario;
import java.util.List;
import java.util.Optional;

/**
 * Where a scenario runs: {@code replay} (its recorded capture), {@code podman} (local containers and the
 * host, with the live sensor in-process) or {@code minikube} (the lab cluster and its in-cluster sensor).
 * The {@link ScenarioRunner} asks {@link #unavailable} first, then {@link #run}, then matches the alerts.
 */
public interface ScenarioBackend extends AutoCloseable {
    /** The backend's name, as {@code --backend} takes it. */
    String name();

    /**
     * Why this backend cannot run the scenario on this machine (not root, podman or a tool missing, a step
     * this backend cannot place ...), with the fix; empty when it can.
     */
    Optional<String> unavailable(Scenario scenario);

    /** Called once before a batch of runs (e.g. to build one lab image for all of them). */
    default void prepare(List<Scenario> scenarios, ScenarioObserver observer) throws ScenarioException {}

    /**
     * Runs the scenario's steps and returns the alerts they caused.
     *
     * @param engine   the scenario's rules (backends whose sensor runs elsewhere ignore it)
     * @param observer progress
     */
    BackendRun run(Scenario scenario, RuleEngine engine, ScenarioObserver observer) throws ScenarioException;

    /** Releases what the backend holds (containers, the sensor). */
    @Override
    default void close() {}
}
