package dev.falconet.exercise;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One self-paced rule-writing exercise, as read from {@code scenarios/exercises/ID.yaml}
 * (docs/exercises.md). The student sees the title, task, hints, starter file and the visible cases; the
 * solution and the hidden checks' captures are for the grader.
 *
 * @param id           the file's name without {@code .yaml}
 * @param level        difficulty, 1 (easiest) to 5
 * @param title        short title
 * @param task         what to do (markdown)
 * @param rule         the rule the student writes or changes
 * @param rulesFiles   rules files loaded before the student's file, in order
 * @param starter      the starter rules file the student begins with
 * @param solution     the reference solution (not shown to students)
 * @param cases        visible cases
 * @param hidden       hidden checks
 * @param requires     what the student's file must contain
 * @param hints        hints, in order; the same number in both languages
 * @param file         the exercise file
 */
public record Exercise(String id, int level, Translated title, Translated task, String rule,
                       List<RulesFileRef> rulesFiles, Starter starter, Path solution, List<ExerciseCase> cases,
                       List<ExerciseCase> hidden, List<Requirement> requires, List<Translated> hints, Path file) {
    public Exercise {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(starter, "starter");
        Objects.requireNonNull(solution, "solution");
        rulesFiles = List.copyOf(rulesFiles);
        cases = List.copyOf(cases);
        hidden = List.copyOf(hidden);
        requires = List.copyOf(requires);
        hints = List.copyOf(hints);
    }

    /**
     * The starter rules file: a file ({@code path} set) or text written in the exercise itself.
     *
     * @param path the file, or null for inline text
     * @param text the rules text (read from {@code path} when it is a file)
     */
    public record Starter(Path path, String text) {
        public Starter {
            Objects.requireNonNull(text, "text");
        }
    }
}
