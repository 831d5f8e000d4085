package dev.falconet.exercise;

/** Stable codes of the exercise loader's diagnostics (docs/exercises.md lists them). */
public final class ExerciseCodes {
    private ExerciseCodes() {}

    /** The file is not valid YAML, or cannot be read. Error. */
    public static final String YAML_PARSE = "EX_YAML_PARSE";
    /** A value has the wrong shape: a mapping where a list is expected, a level that is not 1 to 5 ... Error. */
    public static final String BAD_VALUE = "EX_BAD_VALUE";
    /** A key the format does not have (with "did you mean" when one is close). Error. */
    public static final String UNKNOWN_KEY = "EX_UNKNOWN_KEY";
    /** A required key is missing. Error. */
    public static final String MISSING_KEY = "EX_MISSING_KEY";
    /** A key appears twice in one mapping. Error. */
    public static final String DUPLICATE_KEY = "EX_DUPLICATE_KEY";
    /** A student text lacks its English or Russian version. Error. */
    public static final String MISSING_TRANSLATION = "EX_MISSING_TRANSLATION";
    /** The id is not lowercase-with-dashes, differs from the file name, or is used twice. Error. */
    public static final String BAD_ID = "EX_BAD_ID";
    /** A starter, solution, rules file or capture that does not exist. Error. */
    public static final String MISSING_FILE = "EX_MISSING_FILE";
    /** A capture that cannot be read (not a capture, broken record). Error. */
    public static final String CAPTURE_READ = "EX_CAPTURE_READ";
    /** An expectation's target event is not in its capture. Error. */
    public static final String NO_SUCH_EVENT = "EX_NO_SUCH_EVENT";
    /** A field in {@code where} that does not exist. Error. */
    public static final String UNKNOWN_FIELD = "EX_UNKNOWN_FIELD";
    /** An upstream rules file the exercise loads is not on this machine: it cannot be checked here. Warning. */
    public static final String UPSTREAM_ABSENT = "EX_UPSTREAM_ABSENT";
}
