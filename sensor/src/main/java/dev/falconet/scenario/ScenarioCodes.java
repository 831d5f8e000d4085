package dev.falconet.scenario;

/** The stable codes of scenario diagnostics (tests and tools match on them, not on the wording). */
public final class ScenarioCodes {
    private ScenarioCodes() {}

    /** The file is not valid YAML, or cannot be read. */
    public static final String YAML = "SCN_YAML";
    /** A key the format does not know (with "did you mean"). */
    public static final String UNKNOWN_KEY = "SCN_UNKNOWN_KEY";
    /** A required key is missing. */
    public static final String MISSING_KEY = "SCN_MISSING_KEY";
    /** A user text lacks its English or Russian version. */
    public static final String MISSING_TRANSLATION = "SCN_MISSING_TRANSLATION";
    /** A value of the wrong type or out of its allowed set. */
    public static final String BAD_VALUE = "SCN_BAD_VALUE";
    /** The id does not match the file name, or is not lowercase letters, digits and dashes. */
    public static final String BAD_ID = "SCN_BAD_ID";
    /** Two scenarios, or two steps of one scenario, share an id. */
    public static final String DUPLICATE_ID = "SCN_DUPLICATE_ID";
    /** The capture file does not exist. */
    public static final String CAPTURE_MISSING = "SCN_CAPTURE_MISSING";
    /** A rules file that does not exist. */
    public static final String RULES_FILE_UNKNOWN = "SCN_RULES_FILE_UNKNOWN";
    /** An upstream rules file is absent on this machine (../shared/falco-upstream): a warning; runs are skipped. */
    public static final String UPSTREAM_ABSENT = "SCN_UPSTREAM_ABSENT";
    /** The rules files do not load. */
    public static final String RULES_LOAD = "SCN_RULES_LOAD";
    /** A step's {@code where} names zero or several targets. */
    public static final String STEP_TARGET = "SCN_STEP_TARGET";
    /** A step has neither or both of {@code run} and {@code shell}. */
    public static final String STEP_COMMAND = "SCN_STEP_COMMAND";
    /** An expectation names a step the scenario does not have. */
    public static final String UNKNOWN_STEP = "SCN_UNKNOWN_STEP";
    /** An expectation names a rule that no loaded rules file defines. */
    public static final String UNKNOWN_RULE = "SCN_UNKNOWN_RULE";
    /** A field check with no operator, several operators, or an unknown one. */
    public static final String BAD_OPERATOR = "SCN_BAD_OPERATOR";
    /** A {@code matches} value that is not a valid regular expression. */
    public static final String BAD_REGEX = "SCN_BAD_REGEX";
    /** An expectation names a field the engine does not know. */
    public static final String UNKNOWN_FIELD = "SCN_UNKNOWN_FIELD";
}
