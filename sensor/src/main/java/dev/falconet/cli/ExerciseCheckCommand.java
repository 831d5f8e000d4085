package dev.falconet.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.falconet.exercise.Exercise;
import dev.falconet.exercise.ExerciseCatalog;
import dev.falconet.exercise.GradeReport;
import dev.falconet.exercise.GradeReportJson;
import dev.falconet.exercise.GradeReportText;
import dev.falconet.exercise.Grader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code falconet exercise check ID RULES.yaml}: grades a rules file against an exercise. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Grade your rules file: it is loaded after the exercise's rules files, then every case's capture is replayed through it.",
                "Prints your file's diagnostics first, then each case: for a miss, why the rule was false on the expected event;",
                "for a false alarm, the event and the alert. Hidden checks show pass/fail and a hint."},
        footer = {"", "Exit codes: 0 every case passed, 1 a case failed, the rules have errors, or the exercise cannot be checked here, 2 usage."})
public final class ExerciseCheckCommand implements Callable<Integer> {
    @Mixin
    ExerciseOptions options;

    @Parameters(index = "0", paramLabel = "ID", description = "The exercise (see 'falconet exercise list').")
    String id;

    @Parameters(index = "1", paramLabel = "RULES", description = "Your rules file.")
    Path rules;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String lang = options.lang();
        PrintWriter out = spec.commandLine().getOut();
        ExerciseCatalog c = options.catalog();
        if (!json) {
            ExerciseOptions.report(c, spec.commandLine().getErr());
            spec.commandLine().getErr().flush();
        }
        Exercise e = options.find(c, id);
        GradeReport r = Grader.check(e, rules);
        if (json) out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(GradeReportJson.toMap(r, lang)));
        else out.print(GradeReportText.render(r, lang));
        out.flush();
        return r.passed() ? FalconetCli.EXIT_OK : FalconetCli.EXIT_FINDINGS;
    }
}
