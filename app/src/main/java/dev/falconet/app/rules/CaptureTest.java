package dev.falconet.app.rules;

import dev.falconet.app.replay.ReplaySource;
import dev.falconet.capture.CaptureException;
import dev.falconet.capture.EventSource;
import dev.falconet.engine.CompiledRule;
import dev.falconet.engine.RuleEngine;
import dev.falconet.event.Event;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * "Test against a capture": which events of a capture the rules match, and, for one event and one
 * rule, the explanation of why it matched or not ({@link RuleEngine#explain}).
 */
public final class CaptureTest {
    private CaptureTest() {}

    /**
     * One event of the capture.
     *
     * @param index       0-based position among the capture's events
     * @param num         the event's number
     * @param type        the syscall name
     * @param process     the calling process's name, or "" when unknown
     * @param matchedRule the first rule that matched, or "" when none did
     */
    public record EventRow(int index, long num, String type, String process, String matchedRule) {
        public boolean matched() {
            return !matchedRule.isEmpty();
        }
    }

    /** Every event of {@code capture} with the rule that matched it. */
    public static List<EventRow> run(RuleEngine engine, ReplaySource capture) {
        List<EventRow> rows = new ArrayList<>();
        read(capture, (i, e) -> {
            CompiledRule r = engine.firstMatch(e);
            rows.add(new EventRow(i, e.num(), e.typeName(), e.thread() == null ? "" : nullToEmpty(e.thread().comm()), r == null ? "" : r.name()));
            return true;
        });
        return rows;
    }

    /** Explains {@code rule} against the capture's event at {@code index} (seen with the process state of its moment). */
    public static Optional<RuleEngine.Explanation> explain(RuleEngine engine, ReplaySource capture, int index, String rule) {
        Optional<CompiledRule> r = engine.rule(rule);
        if (r.isEmpty()) return Optional.empty();
        List<RuleEngine.Explanation> found = new ArrayList<>();
        read(capture, (i, e) -> {
            if (i < index) return true;
            found.add(engine.explain(r.get(), e));
            return false;
        });
        return found.stream().findFirst();
    }

    private interface Visitor {
        /** Returns false to stop reading. */
        boolean visit(int index, Event e);
    }

    private static void read(ReplaySource capture, Visitor v) {
        try (EventSource reader = EventSource.open(capture.opener().open(), capture.name())) {
            int i = 0;
            for (Event e = reader.next(); e != null; e = reader.next()) {
                if (!v.visit(i++, e)) return;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(capture.name() + ": cannot read: " + e.getMessage(), e);
        } catch (CaptureException e) {
            throw e;
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
