package dev.falconet.exercise;

import dev.falconet.engine.explain.ExplainJson;
import dev.falconet.engine.explain.ExplainNode;
import dev.falconet.rules.diag.Diagnostic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link GradeReport} as plain maps and lists for JSON ({@code falconet exercise check --json}). Hidden
 * checks carry their number, outcome and (when failed) hint, nothing of their capture.
 */
public final class GradeReportJson {
    private GradeReportJson() {}

    public static Map<String, Object> toMap(GradeReport r, String lang) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("exercise", r.exerciseId());
        m.put("rules_file", r.rulesFile());
        m.put("status", r.status().name().toLowerCase(Locale.ROOT));
        m.put("passed", r.passed());
        if (!r.message().in(lang).isEmpty()) m.put("message", r.message().in(lang));
        m.put("diagnostics", r.diagnostics().stream().map(GradeReportJson::diagnostic).toList());
        List<Map<String, Object>> reqs = new ArrayList<>();
        for (GradeReport.RequirementResult q : r.requirements()) {
            Map<String, Object> qm = new LinkedHashMap<>();
            qm.put("requirement", q.requirement().describe(lang));
            qm.put("met", q.met());
            if (!q.met()) qm.put("detail", q.detail().in(lang));
            reqs.add(qm);
        }
        m.put("requirements", reqs);
        m.put("cases", r.visibleCases().stream().map(c -> visible(c, lang)).toList());
        m.put("hidden", r.hiddenChecks().stream().map(c -> hidden(c, lang)).toList());
        m.put("cases_passed", r.passedCount());
        m.put("cases_total", r.cases().size());
        return m;
    }

    public static Map<String, Object> diagnostic(Diagnostic d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", d.code());
        m.put("severity", d.severity().lower());
        m.put("file", d.file());
        m.put("line", d.line());
        m.put("column", d.column());
        if (!d.item().isEmpty()) m.put("item", d.item());
        m.put("message", d.message());
        m.put("text", d.format());
        return m;
    }

    private static Map<String, Object> visible(CaseResult c, String lang) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("number", c.number());
        m.put("title", c.title().in(lang));
        m.put("passed", c.passed());
        if (c.error() != null) m.put("error", c.error());
        m.put("findings", c.findings().stream().map(f -> finding(f, lang)).toList());
        return m;
    }

    private static Map<String, Object> hidden(CaseResult c, String lang) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", c.number());
        m.put("passed", c.passed());
        if (!c.passed()) m.put("hint", c.hint().in(lang));
        return m;
    }

    private static Map<String, Object> finding(Finding f, String lang) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", switch (f) {
            case Finding.Missed x -> "missed";
            case Finding.FalseAlarm x -> "false_alarm";
            case Finding.NoSuchRule x -> "no_such_rule";
            case Finding.TargetNotSeen x -> "target_not_seen";
        });
        m.put("rule", f.rule());
        m.put("summary", f.summary(lang));
        switch (f) {
            case Finding.Missed x -> {
                m.put("event", event(x.event()));
                m.put("enabled", x.enabled());
                m.put("applies_to_event_type", x.appliesToEventType());
                m.put("rule_event_types", x.ruleEventTypes());
                m.put("why_not", x.whyNot().stream().map(n -> n.text() + GradeReportText.reads(n)).toList());
                m.put("tree", ExplainJson.node(x.tree()));
            }
            case Finding.FalseAlarm x -> m.put("events", x.events().stream().map(GradeReportJson::event).toList());
            case Finding.NoSuchRule x -> {
                if (x.suggestion() != null) m.put("suggestion", x.suggestion());
            }
            case Finding.TargetNotSeen x -> m.put("target", x.target());
        }
        return m;
    }

    private static Map<String, Object> event(EventSummary e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("num", e.num());
        m.put("evt.type", e.type());
        m.put("proc.name", e.procName());
        m.put("fd.name", e.fdName());
        if (e.alert() != null) m.put("alert", e.alert());
        return m;
    }

}
