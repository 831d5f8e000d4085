package dev.falconet.rules.load;

/**
 * Diagnostic codes of the loader. Falco's catalog names where Falco has one; the last group is ours.
 */
public final class LoadCodes {
    private LoadCodes() {}

    // Falco errors
    public static final String FILE_READ = "LOAD_ERR_FILE_READ";
    public static final String YAML_PARSE = "LOAD_ERR_YAML_PARSE";
    public static final String YAML_VALIDATE = "LOAD_ERR_YAML_VALIDATE";
    public static final String COMPILE_CONDITION = "LOAD_ERR_COMPILE_CONDITION";
    public static final String VALIDATE = "LOAD_ERR_VALIDATE";

    // Falco warnings
    public static final String UNUSED_MACRO = "LOAD_UNUSED_MACRO";
    public static final String UNUSED_LIST = "LOAD_UNUSED_LIST";
    public static final String UNKNOWN_KEY = "LOAD_UNKNOWN_KEY";
    public static final String UNKNOWN_ITEM = "LOAD_UNKNOWN_ITEM";
    public static final String DEPRECATED_ITEM = "LOAD_DEPRECATED_ITEM";
    public static final String UNKNOWN_SOURCE = "LOAD_UNKNOWN_SOURCE";
    public static final String INVALID_MACRO_NAME = "LOAD_INVALID_MACRO_NAME";
    public static final String INVALID_LIST_NAME = "LOAD_INVALID_LIST_NAME";
    public static final String EXCEPTION_NAME_NOT_UNIQUE = "LOAD_EXCEPTION_NAME_NOT_UNIQUE";
    public static final String APPEND_NO_VALUES = "LOAD_APPEND_NO_VALUES";

    // Ours
    /** A mapping repeats a key; the first value is used, as yaml-cpp (and so Falco) does. Warning. */
    public static final String DUPLICATE_KEY = "LOAD_DUPLICATE_KEY";
    /** A {@code required_plugin_versions} entry that the built-in plugins do not satisfy. Error. */
    public static final String PLUGIN_REQUIREMENT = "LOAD_ERR_PLUGIN_REQUIREMENT";
}
