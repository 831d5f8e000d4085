package dev.falconet.exercise;

import dev.falconet.fields.BoundField;
import dev.falconet.fields.FieldRegistry;
import dev.falconet.event.Event;
import java.util.Objects;

/**
 * One test on a field of an event, selecting the event an expectation is about:
 * {@code fd.name: /etc/shadow} (equals) or {@code proc.cmdline: { contains: pam.d }}.
 * Values are compared as Falco prints them in outputs ({@code <NA>} when missing).
 *
 * @param field the field as written ({@code proc.aname[2]})
 * @param op    how to compare
 * @param value the operand; "true"/"false" for {@link Op#EXISTS}
 * @param bound the field bound to its extractor
 */
public record FieldPredicate(String field, Op op, String value, BoundField bound) {
    /** The comparisons an exercise may use. */
    public enum Op {
        EQUALS("equals"), CONTAINS("contains"), STARTSWITH("startswith"), EXISTS("exists");

        private final String key;

        Op(String key) {
            this.key = key;
        }

        /** The key as written in exercise files. */
        public String key() {
            return key;
        }
    }

    public FieldPredicate {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(bound, "bound");
    }

    /** Whether the event passes this test. */
    public boolean test(Event e) {
        Object raw = bound.extract(e);
        String v = raw == null ? null : FieldRegistry.renderValue(raw);
        return switch (op) {
            case EQUALS -> value.equals(v == null ? "<NA>" : v);
            case CONTAINS -> v != null && v.contains(value);
            case STARTSWITH -> v != null && v.startsWith(value);
            case EXISTS -> (v != null) == Boolean.parseBoolean(value);
        };
    }

    /** {@code fd.name = /etc/shadow}, {@code proc.cmdline contains pam.d}. */
    @Override
    public String toString() {
        return switch (op) {
            case EQUALS -> field + " = " + value;
            case EXISTS -> field + (Boolean.parseBoolean(value) ? " exists" : " is missing");
            default -> field + " " + op.key() + " " + value;
        };
    }
}
