package dev.falconet.app.scenario;

import dev.falconet.scenario.podman.PodmanBackend;
import dev.falconet.scenario.run.ReplayBackend;
import dev.falconet.scenario.run.ScenarioBackend;
import java.nio.file.Path;
import java.util.List;

/** The backends by the names {@code --backend} takes: what the CLI and the app's Scenarios page offer. */
public final class ScenarioBackends {
    /** replay, podman, minikube. */
    public static final List<String> NAMES = List.of(ReplayBackend.NAME, PodmanBackend.NAME, MinikubeBackend.NAME);

    private ScenarioBackends() {}

    /**
     * A new backend by name, for scenarios of the checkout at {@code repoRoot}; null for an unknown name.
     * Close it when done (it removes its containers and closes its cluster connection).
     */
    public static ScenarioBackend open(String name, Path repoRoot) {
        return switch (name) {
            case ReplayBackend.NAME -> new ReplayBackend();
            case PodmanBackend.NAME -> new PodmanBackend(repoRoot);
            case MinikubeBackend.NAME -> MinikubeBackend.onThisMachine();
            default -> null;
        };
    }
}
