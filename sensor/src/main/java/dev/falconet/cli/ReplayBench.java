package dev.falconet.cli;

import dev.falconet.capture.CaptureException;
import dev.falconet.capture.EventSource;
import dev.falconet.engine.RuleEngine;
import dev.falconet.event.Event;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * {@code replay --bench}: the whole path from capture bytes to match decision (read, decode, state,
 * rules), one thread, first match as Falco does. One untimed warm-up pass, then {@code passes} timed
 * ones; prints {@code events=N seconds=S events_per_s=R rule_evals_per_event=E} for the timed passes,
 * where N counts events as the capture's own tools do (for .scap: every event libsinsp returns) and
 * E is rule evaluations per counted event.
 */
final class ReplayBench {
    private ReplayBench() {}

    static int run(RuleEngine engine, Path capture, int passes, PrintWriter out, PrintWriter err) {
        if (passes < 1) {
            err.println("falconet replay: --bench-passes must be at least 1");
            return FalconetCli.EXIT_USAGE;
        }
        try {
            pass(engine, capture);
            long events = 0, evals = 0, matches = 0;
            java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            com.sun.management.OperatingSystemMXBean pos = os instanceof com.sun.management.OperatingSystemMXBean p ? p : null;
            long c0 = pos == null ? 0 : pos.getProcessCpuTime();
            long t0 = System.nanoTime();
            for (int i = 0; i < passes; i++) {
                long[] r = pass(engine, capture);
                events += r[0];
                evals += r[1];
                matches += r[2];
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            // like the libsinsp peer: process CPU time (wall time on a shared machine measures the neighbours too)
            double s = pos == null ? wall : (pos.getProcessCpuTime() - c0) / 1e9;
            // the process CPU clock ticks coarsely: a run shorter than a tick reads 0, use wall time then
            if (s <= 0) s = Math.max(wall, 1e-9);
            out.printf(java.util.Locale.ROOT, "events=%d seconds=%.3f events_per_s=%.0f rule_evals_per_event=%.2f wall_s=%.3f matches=%d passes=%d%n",
                    events, s, events / s, events == 0 ? 0.0 : (double) evals / events, wall, matches, passes);
            out.flush();
            return FalconetCli.EXIT_OK;
        } catch (CaptureException e) {
            err.println("falconet replay: " + e.getMessage());
            err.flush();
            return FalconetCli.EXIT_FINDINGS;
        }
    }

    /** One pass: {events read, rule evaluations, matches}. */
    private static long[] pass(RuleEngine engine, Path capture) {
        long evals = 0, matches = 0;
        try (EventSource src = EventSource.open(capture, t -> engine.candidates(t) > 0)) {
            for (Event e = src.next(); e != null; e = src.next()) {
                evals += engine.candidates(e.type());
                if (engine.firstMatch(e) != null) matches++;
            }
            return new long[] {src.eventsRead(), evals, matches};
        }
    }
}
