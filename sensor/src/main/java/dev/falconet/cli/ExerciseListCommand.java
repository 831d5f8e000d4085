package dev.falconet.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.falconet.exercise.Exercise;
import dev.falconet.exercise.ExerciseCatalog;
import dev.falconet.exercise.GradeReportJson;
import dev.falconet.exercise.RulesFileRef;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code falconet exercise list}: the exercises, easiest first. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the exercises, easiest first: id, level, cases (visible + hidden), title.",
        footer = {"", "Exit codes: 0 ok, 1 an exercise file has errors (printed to stderr; the others are listed), 2 usage."})
public final class ExerciseListCommand implements Callable<Integer> {
    @Mixin
    ExerciseOptions options;

    @Option(names = "--json", description = "Print JSON: {root, exercises: [...], diagnostics: [...]}.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String lang = options.lang();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ExerciseCatalog c = options.catalog();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("root", c.root().toString());
            List<Map<String, Object>> list = new ArrayList<>();
            for (Exercise e : c.exercises()) list.add(summary(e));
            m.put("exercises", list);
            m.put("diagnostics", c.diagnostics().stream().map(GradeReportJson::diagnostic).toList());
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m));
        } else {
            ExerciseOptions.report(c, err);
            out.printf("%-28s %-5s %-7s %s%n", "ID", "LEVEL", "CASES", "TITLE");
            for (Exercise e : c.exercises()) {
                String note = e.rulesFiles().stream().allMatch(RulesFileRef::present) ? ""
                        : "ru".equals(lang) ? "  (нужны правила Falco: их здесь нет)" : "  (needs the upstream rules: absent here)";
                out.printf("%-28s %-5d %-7s %s%s%n", e.id(), e.level(), e.cases().size() + "+" + e.hidden().size(), e.title().in(lang), note);
            }
            out.println("ru".equals(lang)
                    ? "Упражнений: " + c.exercises().size() + " (" + c.root() + "). Начать: falconet exercise show ID --lang ru"
                    : c.exercises().size() + " exercises in " + c.root() + ". Start one: falconet exercise show ID");
        }
        out.flush();
        err.flush();
        return c.ok() ? FalconetCli.EXIT_OK : FalconetCli.EXIT_FINDINGS;
    }

    /** What a list entry tells: never the solution or the hidden checks' captures. */
    static Map<String, Object> summary(Exercise e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("level", e.level());
        m.put("title", Map.of("en", e.title().en(), "ru", e.title().ru()));
        m.put("rule", e.rule());
        m.put("rules", e.rulesFiles().stream().map(RulesFileRef::written).toList());
        m.put("checkable", e.rulesFiles().stream().allMatch(RulesFileRef::present));
        m.put("starter", e.starter().path() == null ? null : e.starter().path().toString());
        m.put("cases", e.cases().size());
        m.put("hidden_checks", e.hidden().size());
        m.put("hints", e.hints().size());
        m.put("file", e.file().toString());
        return m;
    }
}
