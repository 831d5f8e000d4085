package dev.falconet.scenario;

import dev.falconet.rules.Priority;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An alert the scenario must produce.
 *
 * @param rule     rule name
 * @param priority the alert's priority, or null for any
 * @param step     the step that must cause it, or null for any
 * @param fields   field name (as in outputs, e.g. {@code proc.aname[2]}) to its check, in file order
 * @param pos      where the expectation is written
 */
public record AlertExpectation(String rule, Priority priority, String step, Map<String, FieldCheck> fields, SourcePos pos) {
    public AlertExpectation {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}
