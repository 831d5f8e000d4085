package dev.falconet.cli;

import dev.falconet.exercise.Exercise;
import dev.falconet.exercise.ExerciseCatalog;
import dev.falconet.rules.diag.Diagnostic;
import dev.falconet.rules.load.KeySuggester;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options the {@code exercise} subcommands share: where the exercises are, and the language. */
public final class ExerciseOptions {
    @Option(names = "--exercises", paramLabel = "DIR",
            description = "The exercises directory (default: scenarios/exercises of the repository the working directory is in).")
    Path root;

    @Option(names = "--lang", paramLabel = "en|ru", defaultValue = "en", description = "Language of titles, tasks and hints. Default: ${DEFAULT-VALUE}.")
    String lang;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    /** The language, checked: a value other than en or ru is a usage error. */
    String lang() {
        if (!lang.equals("en") && !lang.equals("ru")) {
            throw new ParameterException(mixee.commandLine(), "--lang must be 'en' or 'ru', not '" + lang + "'");
        }
        return lang;
    }

    ExerciseCatalog catalog() {
        return ExerciseCatalog.load(root != null ? root : ExerciseCatalog.locate());
    }

    /** Prints the catalog's diagnostics (every file's problems) to {@code err}. */
    static void report(ExerciseCatalog c, PrintWriter err) {
        for (Diagnostic d : c.diagnostics()) err.println(d.format());
    }

    /** The exercise with this id; an unknown id is a usage error naming the closest ids. */
    Exercise find(ExerciseCatalog c, String id) {
        Optional<Exercise> ex = c.find(id);
        if (ex.isPresent()) return ex.get();
        List<String> ids = c.exercises().stream().map(Exercise::id).toList();
        String near = KeySuggester.closest(id, ids);
        String broken = c.diagnostics().stream().anyMatch(d -> d.isError() && d.file().endsWith(id + ".yaml"))
                ? " (its file has errors: see above)" : "";
        throw new ParameterException(mixee.commandLine(), "no exercise '" + id + "'" + broken
                + (near != null ? "; did you mean '" + near + "'?" : "")
                + " Exercises in " + c.root() + ": " + (ids.isEmpty() ? "none" : String.join(", ", ids)));
    }
}
