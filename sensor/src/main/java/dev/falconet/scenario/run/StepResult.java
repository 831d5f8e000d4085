package dev.falconet.scenario.run;

import dev.falconet.scenario.Step;

/**
 * What running one step gave.
 *
 * @param step   the step
 * @param exit   its exit code, or -1 when it was not run (replay)
 * @param output what it printed (stdout and stderr, cut to a few KB)
 * @param millis how long it took
 */
public record StepResult(Step step, int exit, String output, long millis) {
    /** Output longer than this is cut. */
    public static final int MAX_OUTPUT = 4096;

    public StepResult {
        output = output == null ? "" : output.length() > MAX_OUTPUT ? output.substring(0, MAX_OUTPUT) + "..." : output;
    }

    /** Whether the exit code is what the step expects (always true for a replayed step). */
    public boolean exitAsExpected() {
        return exit < 0 || step.exit() == null || step.exit() == exit;
    }
}
