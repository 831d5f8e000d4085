package dev.falconet.app.alerts;

import dev.falconet.output.Alert;
import dev.falconet.rules.Priority;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The Alerts page's filter: by rule, by least severe priority, by namespace, and by free text found
 * anywhere in the output line. Empty criteria match everything.
 *
 * @param rule        exact rule name, or "" for any
 * @param minPriority least severe priority shown, or null for any
 * @param namespace   Kubernetes namespace, or "" for any
 * @param text        case-insensitive text in the output, rule or field values, or ""
 */
public record AlertFilter(String rule, Priority minPriority, String namespace, String text) implements Predicate<Alert> {
    /** Output fields that carry the namespace, in the order they are looked at. */
    private static final String[] NAMESPACE_FIELDS = {"k8s.ns.name", "k8smeta.ns.name"};

    public static final AlertFilter ALL = new AlertFilter("", null, "", "");

    public AlertFilter {
        rule = rule == null ? "" : rule;
        namespace = namespace == null ? "" : namespace;
        text = text == null ? "" : text.strip();
    }

    @Override
    public boolean test(Alert a) {
        if (!rule.isEmpty() && !a.rule().equals(rule)) return false;
        if (minPriority != null && !a.priority().atLeast(minPriority)) return false;
        if (!namespace.isEmpty() && !namespace.equals(namespaceOf(a))) return false;
        if (!text.isEmpty()) {
            String t = text.toLowerCase(Locale.ROOT);
            boolean found = a.output().toLowerCase(Locale.ROOT).contains(t) || a.rule().toLowerCase(Locale.ROOT).contains(t)
                    || a.outputFields().values().stream().anyMatch(v -> v != null && v.toString().toLowerCase(Locale.ROOT).contains(t));
            if (!found) return false;
        }
        return true;
    }

    /** The alert's Kubernetes namespace, or "" when it has none. */
    public static String namespaceOf(Alert a) {
        for (String f : NAMESPACE_FIELDS) {
            Object v = a.outputFields().get(f);
            if (v != null && !v.toString().isEmpty()) return v.toString();
        }
        return "";
    }
}
