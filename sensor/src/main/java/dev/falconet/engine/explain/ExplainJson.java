package dev.falconet.engine.explain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The explain tree as JSON-ready maps: the shape {@code falconet explain --json} prints, also used by the exercise grader. */
public final class ExplainJson {
    private ExplainJson() {}

    /** One node and its children: kind, text, outcome, the fields it read, its line in the rules file. */
    public static Map<String, Object> node(ExplainNode n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", n.kind().name().toLowerCase(Locale.ROOT));
        m.put("text", n.text());
        m.put("outcome", n.outcome().name().toLowerCase(Locale.ROOT));
        if (!n.reads().isEmpty()) {
            List<Map<String, Object>> reads = new ArrayList<>();
            for (FieldRead r : n.reads()) {
                Map<String, Object> rm = new LinkedHashMap<>();
                rm.put("field", r.field());
                rm.put("value", r.value());
                if (r.why() != null) rm.put("why", r.why());
                reads.add(rm);
            }
            m.put("reads", reads);
        }
        if (n.line() > 0) m.put("line", n.line());
        if (!n.children().isEmpty()) m.put("children", n.children().stream().map(ExplainJson::node).toList());
        return m;
    }
}
