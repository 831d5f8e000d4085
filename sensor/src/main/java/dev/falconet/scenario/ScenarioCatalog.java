package dev.falconet.scenario;

import dev.falconet.rules.diag.Diagnostic;
import java.util.List;
import java.util.Optional;

/**
 * What loading the scenarios gave: the scenarios that loaded without errors (sorted by group, then id)
 * and every diagnostic (errors drop their scenario; warnings keep it).
 */
public record ScenarioCatalog(List<Scenario> scenarios, List<Diagnostic> diagnostics) {
    public ScenarioCatalog {
        scenarios = List.copyOf(scenarios);
        diagnostics = List.copyOf(diagnostics);
    }

    /** The scenario with this id. */
    public Optional<Scenario> find(String id) {
        return scenarios.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** Whether any file had an error. */
    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
