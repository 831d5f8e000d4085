package dev.falconet.scenario.run;

import dev.falconet.rules.diag.Diagnostic;
import dev.falconet.scenario.RulesCache;
import dev.falconet.scenario.RulesRef;
import dev.falconet.scenario.Scenario;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs scenarios on a backend and grades them: load the scenario's rules, ask the backend whether it can
 * run here, run the steps, match the alerts ({@link AlertMatcher}) and check each step's exit code.
 * Reports progress to a {@link ScenarioObserver}; prints nothing.
 *
 * <pre>{@code
 * ScenarioCatalog catalog = new ScenarioLoader(repoRoot, rules).loadDirectory(repoRoot.resolve("scenarios"));
 * try (ScenarioBackend replay = new ReplayBackend()) {
 *     List<ScenarioResult> results = new ScenarioRunner(rules).runAll(catalog.scenarios(), replay, observer);
 * }
 * }</pre>
 */
public final class ScenarioRunner {
    private final RulesCache rules;

    /** @param rules where the scenarios' rules are loaded (share it with the loader: each list of files loads once) */
    public ScenarioRunner(RulesCache rules) {
        this.rules = rules;
    }

    /** Runs each scenario in turn (the backend is prepared once for all of them). */
    public List<ScenarioResult> runAll(List<Scenario> scenarios, ScenarioBackend backend, ScenarioObserver observer) {
        List<ScenarioResult> out = new ArrayList<>();
        List<Scenario> runnable = scenarios.stream().filter(s -> backend.unavailable(s).isEmpty() && missingRules(s).isEmpty()).toList();
        String prepareFailure = null;
        if (!runnable.isEmpty()) {
            try {
                backend.prepare(runnable, observer);
            } catch (ScenarioException e) {
                prepareFailure = e.getMessage();
            }
        }
        for (Scenario s : scenarios) {
            if (prepareFailure != null && runnable.contains(s)) {
                observer.scenarioStarted(s, backend.name());
                out.add(finish(observer, new ScenarioResult(s, backend.name(), ScenarioResult.Outcome.ERROR, List.of(prepareFailure),
                        List.of(), List.of(), 0)));
            } else {
                out.add(run(s, backend, observer));
            }
        }
        return out;
    }

    /** Runs one scenario (call {@link ScenarioBackend#prepare} first when the backend needs it). */
    public ScenarioResult run(Scenario s, ScenarioBackend backend, ScenarioObserver observer) {
        long start = System.nanoTime();
        observer.scenarioStarted(s, backend.name());
        Optional<String> missing = missingRules(s);
        if (missing.isEmpty()) missing = backend.unavailable(s);
        if (missing.isPresent())
            return finish(observer, new ScenarioResult(s, backend.name(), ScenarioResult.Outcome.SKIPPED, List.of(missing.get()), List.of(), List.of(), 0));
        RulesCache.Loaded loaded = rules.load(s.rulePaths());
        if (loaded.engine() == null) {
            List<String> why = new ArrayList<>();
            why.add("the scenario's rules do not load:");
            for (Diagnostic d : loaded.errors()) why.add(d.format());
            return finish(observer, new ScenarioResult(s, backend.name(), ScenarioResult.Outcome.ERROR, why, List.of(), List.of(), millis(start)));
        }
        BackendRun run;
        try {
            run = backend.run(s, loaded.engine(), observer);
        } catch (ScenarioException e) {
            return finish(observer, new ScenarioResult(s, backend.name(), ScenarioResult.Outcome.ERROR, List.of(e.getMessage()), List.of(), List.of(), millis(start)));
        }
        List<String> reasons = new ArrayList<>();
        for (StepResult r : run.steps()) {
            if (!r.exitAsExpected()) {
                String out = r.output().strip();
                reasons.add("step '" + r.step().id() + "' exited with " + r.exit() + ", expected " + r.step().exit()
                        + (out.isEmpty() ? "" : " (output: " + firstLines(out) + ")"));
            }
        }
        reasons.addAll(AlertMatcher.match(s.expect(), run.alerts()));
        ScenarioResult.Outcome outcome = reasons.isEmpty() ? ScenarioResult.Outcome.PASS : ScenarioResult.Outcome.FAIL;
        if (outcome == ScenarioResult.Outcome.FAIL) reasons.addAll(run.warnings());
        return finish(observer, new ScenarioResult(s, backend.name(), outcome, reasons, run.alerts(), run.steps(), millis(start)));
    }

    private static ScenarioResult finish(ScenarioObserver observer, ScenarioResult r) {
        observer.scenarioFinished(r);
        return r;
    }

    /** A scenario whose upstream rules files are absent on this machine is skipped. */
    private static Optional<String> missingRules(Scenario s) {
        for (RulesRef r : s.rules()) {
            if (!Files.exists(r.path()))
                return Optional.of("rules file " + r.spec() + " is absent on this machine (" + r.path()
                        + (r.upstream() ? "; upstream rules are read from ../shared/falco-upstream beside the repository)" : ")"));
        }
        return Optional.empty();
    }

    private static String firstLines(String s) {
        String[] lines = s.split("\n");
        String joined = String.join(" | ", java.util.Arrays.copyOf(lines, Math.min(3, lines.length)));
        return joined.length() > 300 ? joined.substring(0, 300) + "..." : joined;
    }

    private static long millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
