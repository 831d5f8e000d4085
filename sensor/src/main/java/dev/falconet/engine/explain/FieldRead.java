package dev.falconet.engine.explain;

/**
 * A field value read while explaining a check.
 *
 * @param field the field as written ({@code proc.aname[2]}, {@code tolower(proc.name)})
 * @param value the value as text, or null when it could not be extracted
 * @param why   when missing: why (e.g. "no parent process known"); null otherwise
 */
public record FieldRead(String field, String value, String why) {
    public boolean missing() {
        return value == null;
    }
}
