package dev.falconet.app.scenario;

import dev.falconet.scenario.podman.PodmanBackend;
import dev.falconet.scenario.run.ReplayBackend;
import dev.falconet.scenario.run.ScenarioBackend;
import java.nio.file.Path;
import java.util.List;

/** The backends {@code --backend} names. */
final class ScenarioBackends {
    static final List<String> NAMES = List.of(ReplayBackend.NAME, PodmanBackend.NAME);

    private ScenarioBackends() {}

    /** A new backend by name; null for an unknown name. */
    static ScenarioBackend open(String name, Path repoRoot) {
        return switch (name) {
            case ReplayBackend.NAME -> new ReplayBackend();
            case PodmanBackend.NAME -> new PodmanBackend(repoRoot);
            default -> null;
        };
    }
}
