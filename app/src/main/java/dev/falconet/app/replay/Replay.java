package dev.falconet.app.replay;

import dev.falconet.capture.CaptureException;
import dev.falconet.capture.EventSource;
import dev.falconet.engine.RuleEngine;
import dev.falconet.event.Event;
import dev.falconet.output.Alert;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Replay mode's pipeline: read each capture → evaluate every event with the engine → hand alerts on.
 * Runs on the caller's thread; problems with one capture are reported and the next one is played.
 */
public final class Replay {
    private Replay() {}

    /** What a replay did: events read, alerts raised, and one line per capture that could not be read. */
    public record Result(long events, long alerts, List<String> problems, boolean cancelled) {
        public Result {
            problems = List.copyOf(problems);
        }
    }

    public static Result run(RuleEngine engine, List<ReplaySource> sources, Consumer<Alert> alerts, BooleanSupplier cancelled) {
        long events = 0;
        long[] raised = {0};
        List<String> problems = new ArrayList<>();
        for (ReplaySource s : sources) {
            if (cancelled.getAsBoolean()) return new Result(events, raised[0], problems, true);
            try (EventSource r = EventSource.open(s.opener().open(), s.name())) {
                for (Event e = r.next(); e != null; e = r.next()) {
                    events++;
                    engine.process(e, a -> {
                        raised[0]++;
                        alerts.accept(a);
                    });
                    if (cancelled.getAsBoolean()) return new Result(events, raised[0], problems, true);
                }
            } catch (IOException e) {
                problems.add(s.name() + ": cannot read (" + e.getMessage() + ")");
            } catch (CaptureException e) {
                problems.add(e.getMessage());
            }
        }
        return new Result(events, raised[0], problems, false);
    }
}
