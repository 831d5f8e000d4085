package dev.falconet.cli;

import dev.falconet.exercise.Exercise;
import dev.falconet.exercise.ExerciseCase;
import dev.falconet.exercise.ExerciseCatalog;
import dev.falconet.exercise.Expectation;
import dev.falconet.exercise.Requirement;
import dev.falconet.exercise.RulesFileRef;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code falconet exercise show ID}: the task, the starter file, the visible cases and the hints. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show an exercise: the task, the rules files loaded before yours, the starter file, the visible cases and the hints.",
        footer = {"", "Exit codes: 0 ok, 2 usage (unknown exercise)."})
public final class ExerciseShowCommand implements Callable<Integer> {
    @Mixin
    ExerciseOptions options;

    @Parameters(index = "0", paramLabel = "ID", description = "The exercise (see 'falconet exercise list').")
    String id;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        String lang = options.lang();
        PrintWriter out = spec.commandLine().getOut();
        ExerciseCatalog c = options.catalog();
        ExerciseOptions.report(c, spec.commandLine().getErr());
        spec.commandLine().getErr().flush();
        Exercise e = options.find(c, id);
        out.println(e.title().in(lang) + "  [" + e.id() + ", level " + e.level() + "]");
        out.println();
        out.println(e.task().in(lang));
        out.println();
        out.println("The rule: " + e.rule());
        if (!e.rulesFiles().isEmpty()) {
            out.println("Loaded before your file:");
            for (RulesFileRef r : e.rulesFiles()) {
                out.println("  " + r.written() + (r.present() ? "" : "  (absent here: " + r.path() + "; this exercise cannot be checked on this machine)"));
            }
        }
        if (e.starter().path() != null) {
            out.println("Starter file: " + e.starter().path() + "   (copy it and edit the copy)");
        } else {
            out.println("Starter file (save it as my_rules.yaml and edit):");
            out.println();
            out.println(e.starter().text().stripTrailing());
        }
        if (!e.requires().isEmpty()) {
            out.println();
            out.println("Your file must also:");
            for (Requirement r : e.requires()) out.println("  - " + r.describe());
        }
        out.println();
        out.println("Cases (replay them with: falconet replay -r RULES -e CAPTURE):");
        int n = 0;
        for (ExerciseCase k : e.cases()) {
            out.println("  " + (++n) + ". " + k.title().in(lang));
            out.println("     capture: " + k.capture());
            for (Expectation x : k.expectations()) {
                out.println("     " + switch (x) {
                    case Expectation.Fires f -> "'" + f.rule() + "' must fire on " + f.target();
                    case Expectation.Silent s -> "'" + s.rule() + "' must not fire";
                });
            }
        }
        if (!e.hidden().isEmpty()) out.println("  ... and " + e.hidden().size() + " hidden checks.");
        out.println();
        out.println("Hints:");
        n = 0;
        for (var h : e.hints()) out.println("  " + (++n) + ". " + h.in(lang));
        out.println();
        out.println("Check your file: falconet exercise check " + e.id() + " my_rules.yaml");
        out.flush();
        return FalconetCli.EXIT_OK;
    }
}
