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

    private static String t(String lang, String en, String ru) {
        return "ru".equals(lang) ? ru : en;
    }

    /** A path relative to the working directory when it is below it (shorter to read and to paste). */
    static String shown(java.nio.file.Path p) {
        java.nio.file.Path cwd = java.nio.file.Path.of("").toAbsolutePath();
        java.nio.file.Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }

    @Override
    public Integer call() {
        String lang = options.lang();
        PrintWriter out = spec.commandLine().getOut();
        ExerciseCatalog c = options.catalog();
        ExerciseOptions.report(c, spec.commandLine().getErr());
        spec.commandLine().getErr().flush();
        Exercise e = options.find(c, id);
        out.println(e.title().in(lang) + "  [" + e.id() + t(lang, ", level ", ", уровень ") + e.level() + "]");
        out.println();
        out.println(e.task().in(lang));
        out.println();
        out.println(t(lang, "The rule: ", "Правило: ") + e.rule());
        if (!e.rulesFiles().isEmpty()) {
            out.println(t(lang, "Loaded before your file:", "Загружаются перед вашим файлом:"));
            for (RulesFileRef r : e.rulesFiles()) {
                out.println("  " + r.written() + (r.present() ? "" : t(lang, "  (absent here: " + r.path() + "; this exercise cannot be checked on this machine)",
                        "  (здесь нет: " + r.path() + "; на этом компьютере упражнение не проверить)")));
            }
        }
        if (e.starter().path() != null) {
            out.println(t(lang, "Starter file: ", "Начальный файл: ") + shown(e.starter().path())
                    + t(lang, "   (copy it and edit the copy)", "   (скопируйте его и правьте копию)"));
        } else {
            out.println(t(lang, "Starter file (save it as my_rules.yaml and edit):", "Начальный файл (сохраните как my_rules.yaml и правьте):"));
            out.println();
            out.println(e.starter().text().stripTrailing());
        }
        if (!e.requires().isEmpty()) {
            out.println();
            out.println(t(lang, "Your file must also:", "Ваш файл также должен:"));
            for (Requirement r : e.requires()) out.println("  - " + r.describe(lang));
        }
        out.println();
        StringBuilder replay = new StringBuilder("falconet replay");
        for (RulesFileRef r : e.rulesFiles()) replay.append(" -r ").append(shown(r.path()));
        out.println(t(lang, "Cases (replay one: " + replay + " -r YOUR_FILE -e CAPTURE):",
                "Случаи (воспроизвести: " + replay + " -r ВАШ_ФАЙЛ -e ЗАПИСЬ):"));
        int n = 0;
        for (ExerciseCase k : e.cases()) {
            out.println("  " + (++n) + ". " + k.title().in(lang));
            out.println(t(lang, "     capture: ", "     запись: ") + shown(k.capture()));
            for (Expectation x : k.expectations()) {
                out.println("     " + switch (x) {
                    case Expectation.Fires f -> "'" + f.rule() + t(lang, "' must fire on ", "' должно сработать: ") + f.target(lang);
                    case Expectation.Silent s -> "'" + s.rule() + t(lang, "' must not fire", "' не должно срабатывать");
                });
            }
        }
        if (!e.hidden().isEmpty()) out.println(t(lang, "  ... and " + e.hidden().size() + " hidden checks.", "  ... и скрытых проверок: " + e.hidden().size() + "."));
        out.println();
        out.println(t(lang, "Hints:", "Подсказки:"));
        n = 0;
        for (var h : e.hints()) out.println("  " + (++n) + ". " + h.in(lang));
        out.println();
        out.println(t(lang, "Check your file: ", "Проверить файл: ") + "falconet exercise check " + e.id() + " my_rules.yaml" + ("ru".equals(lang) ? " --lang ru" : ""));
        out.flush();
        return FalconetCli.EXIT_OK;
    }
}
