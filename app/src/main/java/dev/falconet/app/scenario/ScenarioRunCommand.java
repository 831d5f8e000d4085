package dev.falconet.app.scenario;

import dev.falconet.cli.FalconetCli;
import dev.falconet.scenario.Scenario;
import dev.falconet.scenario.ScenarioCatalog;
import dev.falconet.scenario.run.ScenarioBackend;
import dev.falconet.scenario.run.ScenarioObserver;
import dev.falconet.scenario.run.ScenarioResult;
import dev.falconet.scenario.run.ScenarioRunner;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code falconet scenario run ID|all --backend NAME}: runs scenarios and grades their alerts. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a scenario (or all) on a backend and grade it: the alerts seen are matched against the",
                "scenario's expectations; a failure says why (expected rule not seen, a field differed, an unexpected rule fired)."},
        footer = {"", "Examples:",
                "  ./falconet scenario run all --backend replay",
                "  sudo ./falconet scenario run read-pam-passwd --backend podman -v",
                "  ./falconet scenario run write-below-test-prod --backend minikube --json",
                "", "Exit codes: 0 all passed, 1 a scenario failed or errored, 2 usage or a prerequisite is missing",
                "(for 'all': when no scenario could run)."})
final class ScenarioRunCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    ScenarioCommand parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID|all", description = "A scenario id, or 'all'.")
    String id;

    @Option(names = {"-b", "--backend"}, defaultValue = "replay", paramLabel = "NAME",
            description = "replay, podman or minikube (default: ${DEFAULT-VALUE}).")
    String backendName;

    @Option(names = "--json", description = "Print the results as JSON on stdout (progress goes to stderr).")
    boolean json;

    @Option(names = {"-v", "--verbose"}, description = "Also show what the backend does and the steps' output.")
    boolean verbose;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!ScenarioBackends.NAMES.contains(backendName))
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown backend '" + backendName + "': use one of " + ScenarioBackends.NAMES);
        ScenarioCatalog c = parent.catalog();
        boolean fileErrors = ScenarioCommand.report(c, err);
        List<Scenario> chosen;
        if (id.equals("all")) {
            chosen = c.scenarios();
        } else {
            var s = c.find(id);
            if (s.isEmpty()) {
                err.println("falconet scenario: no valid scenario '" + id + "'" + (fileErrors ? " (see the errors above)" : "")
                        + "; 'falconet scenario list' shows them");
                err.flush();
                return FalconetCli.EXIT_USAGE;
            }
            chosen = List.of(s.get());
        }
        ScenarioObserver observer = new ConsoleObserver(json ? err : out, verbose);
        List<ScenarioResult> results;
        try (ScenarioBackend backend = ScenarioBackends.open(backendName, parent.repoRoot())) {
            results = new ScenarioRunner(parent.rules).runAll(chosen, backend, observer);
        }
        long passed = results.stream().filter(ScenarioResult::passed).count();
        long skipped = results.stream().filter(r -> r.outcome() == ScenarioResult.Outcome.SKIPPED).count();
        long failed = results.size() - passed - skipped;
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("backend", backendName);
            doc.put("summary", ScenarioJson.summary(results));
            doc.put("results", results.stream().map(ScenarioJson::result).toList());
            out.println(ScenarioJson.write(doc));
        } else {
            out.printf("%d passed, %d failed, %d skipped (backend %s)%n", passed, failed, skipped, backendName);
        }
        out.flush();
        if (failed > 0 || fileErrors) return FalconetCli.EXIT_FINDINGS;
        if (skipped > 0 && passed == 0) return FalconetCli.EXIT_USAGE;
        return FalconetCli.EXIT_OK;
    }
}
