package dev.falconet.app.scenario;

import dev.falconet.scenario.Scenario;
import dev.falconet.scenario.Step;
import dev.falconet.scenario.run.ScenarioObserver;
import dev.falconet.scenario.run.ScenarioResult;
import dev.falconet.scenario.run.SeenAlert;
import dev.falconet.scenario.run.StepResult;
import java.io.PrintWriter;

/** Prints a run's progress, one line per event: what {@code falconet scenario run} shows. */
final class ConsoleObserver implements ScenarioObserver {
    private final PrintWriter out;
    private final boolean verbose;

    ConsoleObserver(PrintWriter out, boolean verbose) {
        this.out = out;
        this.verbose = verbose;
    }

    @Override
    public void scenarioStarted(Scenario s, String backend) {
        out.printf("== %s (%s) on %s%n", s.id(), s.title().en(), backend);
        out.flush();
    }

    @Override
    public void progress(Scenario s, String message) {
        if (verbose || message.startsWith("warning:")) {
            out.println("   .. " + message);
            out.flush();
        }
    }

    @Override
    public void stepStarted(Scenario s, Step step) {
        out.printf("   step %s: %s  [%s]%n", step.id(), step.display(), step.where());
        out.flush();
    }

    @Override
    public void stepFinished(Scenario s, StepResult r) {
        out.printf("        exit %d%s (%d ms)%n", r.exit(), r.exitAsExpected() ? "" : ", expected " + r.step().exit(), r.millis());
        if (verbose && !r.output().isBlank()) r.output().strip().lines().limit(10).forEach(l -> out.println("        | " + l));
        out.flush();
    }

    @Override
    public synchronized void alertSeen(Scenario s, SeenAlert a) {
        out.printf("   alert %s %s%s%n", a.alert().priority().display(), a.rule(), a.step() == null ? "" : " (step " + a.step() + ")");
        out.flush();
    }

    @Override
    public void scenarioFinished(ScenarioResult r) {
        out.printf("   %s%s%n", r.outcome(), r.millis() > 0 ? " (" + r.millis() + " ms)" : "");
        for (String reason : r.reasons()) out.println("     - " + reason);
        out.flush();
    }
}
