package dev.falconet.exercise;

import dev.falconet.rules.diag.Diagnostic;
import java.util.List;

/**
 * What the grader found for one rules file and one exercise.
 *
 * @param exerciseId   the exercise
 * @param rulesFile    the student's file, as named in diagnostics
 * @param status       the overall outcome
 * @param message      for {@link Status#SKIPPED} and {@link Status#RULES_ERROR}: why no case ran; else empty texts
 * @param diagnostics  problems of the student's rules file (warnings too), and errors of the files loaded before it
 * @param requirements what the file must contain, each met or not
 * @param cases        visible cases, then hidden checks; empty when no case ran
 */
public record GradeReport(String exerciseId, String rulesFile, Status status, Translated message, List<Diagnostic> diagnostics,
                          List<RequirementResult> requirements, List<CaseResult> cases) {
    /** The overall outcome. */
    public enum Status {
        /** Every case, hidden check and requirement passed. */
        PASSED,
        /** The rules loaded, but a case, hidden check or requirement failed. */
        FAILED,
        /** The rules file has errors; no case ran. */
        RULES_ERROR,
        /** The exercise cannot be checked on this machine (an upstream rules file is absent). */
        SKIPPED
    }

    /**
     * @param requirement what is required
     * @param met         whether the file has it
     * @param detail      what was found instead, when not met (empty texts when met)
     */
    public record RequirementResult(Requirement requirement, boolean met, Translated detail) {}

    /** No message: the cases ran. */
    static final Translated NO_MESSAGE = new Translated("", "");

    public GradeReport {
        diagnostics = List.copyOf(diagnostics);
        requirements = List.copyOf(requirements);
        cases = List.copyOf(cases);
    }

    public boolean passed() {
        return status == Status.PASSED;
    }

    public List<CaseResult> visibleCases() {
        return cases.stream().filter(c -> !c.hidden()).toList();
    }

    public List<CaseResult> hiddenChecks() {
        return cases.stream().filter(CaseResult::hidden).toList();
    }

    public long passedCount() {
        return cases.stream().filter(CaseResult::passed).count();
    }
}
