package dev.falconet.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code falconet exercise}: self-paced rule-writing exercises (list, show, check). */
@Command(name = "exercise", mixinStandardHelpOptions = true,
        description = {"Self-paced rule-writing exercises: write a rules file, the grader replays the exercise's captures through it.",
                "Guide: docs/exercises.md."},
        subcommands = {ExerciseListCommand.class, ExerciseShowCommand.class, ExerciseCheckCommand.class},
        footer = {"", "Exit codes: 0 ok (check: every case passed), 1 findings or errors, 2 usage."})
public final class ExerciseCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: list, show or check");
    }
}
