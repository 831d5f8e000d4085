package dev.falconet.fields;

/** Where a field is used: in a rule condition or in an output format string. */
public enum UseContext { CONDITION, OUTPUT }
