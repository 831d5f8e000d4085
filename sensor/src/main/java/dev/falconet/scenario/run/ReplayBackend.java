package dev.falconet.scenario.run;

import dev.falconet.capture.CaptureException;
import dev.falconet.capture.EventSource;
import dev.falconet.engine.RuleEngine;
import dev.falconet.event.Event;
import dev.falconet.scenario.Scenario;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;

/**
 * Runs a scenario from its recorded capture ({@code scenarios/captures/ID.jsonl}): the events go through
 * the same {@link EventSource} and engine as {@code falconet replay}. Runs anywhere, without root.
 */
public final class ReplayBackend implements ScenarioBackend {
    public static final String NAME = "replay";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<String> unavailable(Scenario s) {
        if (s.captureFile() == null || !Files.isRegularFile(s.captureFile()))
            return Optional.of("no capture " + s.capture() + "; record it with: sudo ./falconet scenario record " + s.id() + " --backend podman");
        return Optional.empty();
    }

    @Override
    public BackendRun run(Scenario s, RuleEngine engine, ScenarioObserver observer) throws ScenarioException {
        AlertCollector collector = new AlertCollector(s, engine, observer);
        observer.progress(s, "replaying " + s.capture());
        try (EventSource source = EventSource.open(s.captureFile())) {
            Event e;
            while ((e = source.next()) != null) collector.accept(e);
        } catch (CaptureException e) {
            throw new ScenarioException("cannot replay the capture: " + e.getMessage(), e);
        }
        return new BackendRun(collector.alerts(), List.of());
    }
}
