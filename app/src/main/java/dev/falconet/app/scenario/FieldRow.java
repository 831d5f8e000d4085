package dev.falconet.app.scenario;

import dev.falconet.app.i18n.Msg;
import dev.falconet.output.Alert;
import dev.falconet.output.telegram.TelegramFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One line of the event-fields table, as Falco's alert lists its output fields: the field, its value, and
 * for a missing value ({@code <NA>}) the reason it has none.
 *
 * @param field  the field name
 * @param value  Falco's rendering of the value, or {@code <NA>}
 * @param reason why the value is missing, or null when it is there
 */
public record FieldRow(String field, String value, Msg reason) {
    public static final String NA = "<NA>";

    public boolean missing() {
        return reason != null;
    }

    /**
     * The alert's output fields sorted by name (as Falco's JSON and Telegram list them), with the fields an
     * expectation names added when the alert does not carry them.
     *
     * @param read values read from the event for the expectations (null when missing)
     */
    public static List<FieldRow> of(Alert a, Map<String, String> read) {
        Map<String, Object> all = new TreeMap<>(a.outputFields());
        for (var e : read.entrySet()) all.putIfAbsent(e.getKey(), e.getValue());
        List<FieldRow> out = new ArrayList<>();
        boolean inContainer = a.outputFields().get("container.id") instanceof String id && !id.equals("host") && !id.isEmpty();
        for (var e : all.entrySet()) {
            Object v = e.getValue();
            if (v == null) out.add(new FieldRow(e.getKey(), NA, why(e.getKey(), inContainer)));
            else out.add(new FieldRow(e.getKey(), TelegramFormat.goValue(v), null));
        }
        return out;
    }

    /** Why a field has no value in an alert. */
    static Msg why(String field, boolean inContainer) {
        if (field.startsWith("k8s.") || field.startsWith("k8smeta.")) {
            return Msg.of(inContainer ? "scenarios.why.nopod" : "scenarios.why.host");
        }
        if (field.startsWith("container.")) return Msg.of("scenarios.why.nocontainer");
        if (field.startsWith("proc.aname") || field.startsWith("proc.pname") || field.startsWith("proc.pcmdline")) {
            return Msg.of("scenarios.why.ancestor");
        }
        if (field.startsWith("fd.")) return Msg.of("scenarios.why.nofd");
        if (field.startsWith("evt.arg")) return Msg.of("scenarios.why.noarg");
        return Msg.of("scenarios.why.novalue");
    }
}
