package dev.falconet.app.scenario;

import dev.falconet.cli.FalconetCli;
import dev.falconet.lab.LabException;
import dev.falconet.lab.LabPaths;
import dev.falconet.rules.diag.Diagnostic;
import dev.falconet.scenario.RulesCache;
import dev.falconet.scenario.ScenarioCatalog;
import dev.falconet.scenario.ScenarioLoader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code falconet scenario ...}: the lab's attack scenarios from the command line: list and validate them,
 * run them on a backend (replay, podman, minikube) and grade the alerts, record their captures.
 */
@Command(name = "scenario",
        mixinStandardHelpOptions = true,
        description = {"Guided attack scenarios: each runs a few commands that a Falco rule should catch, and is graded",
                "by the alerts the sensor raises. Scenarios are scenarios/*.yaml (docs/scenario-format.md)."},
        subcommands = {ScenarioListCommand.class, ScenarioRunCommand.class, ScenarioRecordCommand.class, ScenarioValidateCommand.class},
        footer = {"", "Backends: replay (recorded captures; anywhere, no root), podman (live: local containers and the host;",
                "root and podman), minikube (the lab cluster with the in-cluster sensor; 'falconet lab up' and 'lab deploy' first).",
                "", "Exit codes: 0 all passed (or listed), 1 a scenario failed or a file has errors, 2 usage or a missing prerequisite."})
public final class ScenarioCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR", scope = CommandLine.ScopeType.INHERIT,
            description = "The scenarios directory (default: scenarios/ of the checkout).")
    Path dir;

    final RulesCache rules = new RulesCache();

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: list, run, record or validate");
    }

    /** The repository root: the checkout holding lab-manifests/ (and scenarios/). */
    Path repoRoot() {
        try {
            return LabPaths.locate().root();
        } catch (LabException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    Path scenariosDir() {
        Path d = dir != null ? dir : repoRoot().resolve("scenarios");
        if (!Files.isDirectory(d)) throw new CommandLine.ParameterException(spec.commandLine(), "no scenarios directory " + d);
        return d;
    }

    ScenarioLoader loader() {
        return new ScenarioLoader(repoRoot(), rules);
    }

    ScenarioCatalog catalog() {
        return loader().loadDirectory(scenariosDir());
    }

    /** Prints each diagnostic on stderr; returns whether any was an error. */
    static boolean report(ScenarioCatalog c, PrintWriter err) {
        for (Diagnostic d : c.diagnostics()) err.println(d.format());
        err.flush();
        return c.hasErrors();
    }

    static int exitFor(boolean failed) {
        return failed ? FalconetCli.EXIT_FINDINGS : FalconetCli.EXIT_OK;
    }
}
