package dev.falconet.app.scenario;

import dev.falconet.scenario.ScenarioCatalog;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code falconet scenario validate}: loads every scenario file and prints the problems, file:line:column. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check every scenario file: unknown keys, missing translations, missing captures, unknown rules",
                "files, rules no loaded file defines, steps with zero or two targets, bad operators."},
        footer = {"", "Exit codes: 0 all valid (warnings allowed), 1 errors, 2 usage."})
final class ScenarioValidateCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    ScenarioCommand parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ScenarioCatalog c = parent.catalog();
        boolean errors = ScenarioCommand.report(c, spec.commandLine().getErr());
        long errs = c.diagnostics().stream().filter(d -> d.isError()).count();
        out.printf("%d scenarios valid, %d errors, %d warnings%n", c.scenarios().size(), errs, c.diagnostics().size() - errs);
        out.flush();
        return ScenarioCommand.exitFor(errors);
    }
}
