package dev.falconet.scenario;

import dev.falconet.fields.FieldRegistry;
import java.util.regex.Pattern;

/** One operator on one field of an expected alert. Values are compared as Falco prints them. */
public sealed interface FieldCheck {
    /** Whether the field's value (null when missing) passes. */
    boolean test(Object value);

    /** The check for messages: {@code equals /etc/shadow}. */
    String describe();

    /** The value as the check sees it: Falco's rendering, null when missing or {@code <NA>}. */
    static String text(Object value) {
        if (value == null) return null;
        String s = FieldRegistry.renderValue(value);
        return s.equals("<NA>") || s.startsWith("<NA> (") ? null : s;
    }

    /** The value equals this text exactly. */
    record Equals(String expected) implements FieldCheck {
        public boolean test(Object value) {
            return expected.equals(text(value));
        }

        public String describe() {
            return "equals " + expected;
        }
    }

    /** The value contains this text. */
    record Contains(String part) implements FieldCheck {
        public boolean test(Object value) {
            String s = text(value);
            return s != null && s.contains(part);
        }

        public String describe() {
            return "contains " + part;
        }
    }

    /** The field has a value ({@code true}) or is missing ({@code false}). */
    record Exists(boolean present) implements FieldCheck {
        public boolean test(Object value) {
            return (text(value) != null) == present;
        }

        public String describe() {
            return present ? "a value" : "no value";
        }
    }

    /** Some part of the value matches this regular expression (anchor it with ^ and $ to match all of it). */
    record Matches(Pattern pattern) implements FieldCheck {
        public boolean test(Object value) {
            String s = text(value);
            return s != null && pattern.matcher(s).find();
        }

        public String describe() {
            return "matches " + pattern.pattern();
        }
    }
}
