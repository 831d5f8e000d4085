package dev.falconet.scenario.run;

import dev.falconet.output.Alert;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An alert a run produced, as the matcher sees it.
 *
 * @param alert  the alert
 * @param step   the id of the step whose process (or a descendant of it) caused it, or null when unknown
 * @param fields the values (Falco's rendering; null when missing) of the fields the expectations name, read from
 *               the alert's event; backends without the event (minikube) leave it empty and the alert's
 *               {@code output_fields} are used
 */
public record SeenAlert(Alert alert, String step, Map<String, String> fields) {
    public SeenAlert {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** The field's value: read from the event when the backend had it, else from the alert's output fields. */
    public Object field(String name) {
        if (fields.containsKey(name)) return fields.get(name);
        return alert.outputFields().get(name);
    }

    /** Whether the field was read at all (from the event or the output fields). */
    public boolean hasField(String name) {
        return fields.containsKey(name) || alert.outputFields().containsKey(name);
    }

    /** The rule name. */
    public String rule() {
        return alert.rule();
    }
}
