package dev.falconet.exercise;

import dev.falconet.engine.explain.ExplainNode;
import dev.falconet.engine.explain.FieldRead;
import dev.falconet.rules.diag.Diagnostic;
import java.util.List;

/**
 * A {@link GradeReport} as text, as {@code falconet exercise check} prints it: the rules file's diagnostics
 * (file:line:col: CODE message), the requirements, then each case with, for a miss, the explanation of the
 * expected rule on the expected event, and for a false alarm the offending events with their alert lines.
 * Hidden checks show pass/fail and their hint only.
 */
public final class GradeReportText {
    private GradeReportText() {}

    /** The report in {@code lang} ("en" or "ru": case titles and hints; the rest is English). */
    public static String render(GradeReport r, String lang) {
        StringBuilder sb = new StringBuilder();
        sb.append("Exercise ").append(r.exerciseId()).append(": checking ").append(r.rulesFile()).append('\n');
        for (Diagnostic d : r.diagnostics()) sb.append(d.format()).append('\n');
        if (!r.diagnostics().isEmpty()) {
            long e = r.diagnostics().stream().filter(Diagnostic::isError).count();
            sb.append("Rules file: ").append(e).append(e == 1 ? " error, " : " errors, ").append(r.diagnostics().size() - e)
                    .append(r.diagnostics().size() - e == 1 ? " warning" : " warnings").append('\n');
        }
        if (!r.message().isEmpty()) sb.append(r.message()).append('\n');
        for (GradeReport.RequirementResult q : r.requirements()) {
            sb.append("requirement: ").append(q.requirement().describe()).append(": ")
                    .append(q.met() ? "met" : "NOT MET (" + q.detail() + ")").append('\n');
        }
        for (CaseResult c : r.cases()) {
            sb.append('\n');
            if (c.hidden()) {
                sb.append("hidden check ").append(c.number()).append(": ").append(c.passed() ? "passed" : "FAILED");
                if (!c.passed()) sb.append("\n  hint: ").append(c.hint().in(lang));
                sb.append('\n');
                continue;
            }
            sb.append("case ").append(c.number()).append(" '").append(c.id()).append("': ").append(c.title().in(lang))
                    .append(" -- ").append(c.passed() ? "passed" : "FAILED").append('\n');
            if (c.error() != null) sb.append("  ").append(c.error()).append('\n');
            for (Finding f : c.findings()) finding(sb, f);
        }
        sb.append('\n').append("Result: ").append(switch (r.status()) {
            case PASSED -> "PASSED (" + r.cases().size() + " of " + r.cases().size() + " cases)";
            case FAILED -> "FAILED (" + r.passedCount() + " of " + r.cases().size() + " cases passed"
                    + (r.requirements().stream().allMatch(GradeReport.RequirementResult::met) ? "" : "; a requirement is not met") + ")";
            case RULES_ERROR -> "FAILED (the rules file has errors)";
            case SKIPPED -> "SKIPPED";
        }).append('\n');
        return sb.toString();
    }

    private static void finding(StringBuilder sb, Finding f) {
        sb.append("  ").append(f.summary()).append('\n');
        switch (f) {
            case Finding.Missed m -> {
                if (!m.enabled()) sb.append("  the rule is disabled (enabled: false)\n");
                if (!m.appliesToEventType()) {
                    sb.append("  the rule only looks at event types ").append(m.ruleEventTypes()).append(", not ")
                            .append(m.event().type()).append(" (its condition's evt.type tests decide that)\n");
                }
                if (!m.whyNot().isEmpty() && !m.tree().isTrue()) {
                    sb.append("  why not (the parts that were false):\n");
                    for (ExplainNode n : m.whyNot()) sb.append("    ").append(cut(n.text())).append(reads(n)).append('\n');
                }
                sb.append("  the condition on this event:\n");
                tree(sb, m.tree(), "    ");
            }
            case Finding.FalseAlarm a -> {
                for (EventSummary e : a.events()) {
                    sb.append("    ").append(e.describe()).append('\n');
                    if (e.alert() != null) sb.append("      ").append(e.alert()).append('\n');
                }
            }
            case Finding.NoSuchRule n -> { }
            case Finding.TargetNotSeen t -> { }
        }
    }

    /** Longer sub-condition texts are cut in the text view (the JSON keeps them whole). */
    static final int MAX_TEXT = 150;

    /**
     * The evaluation tree, one node a line: [true] / [false] / [skip] (not evaluated: short-circuit
     * evaluation never reached it). A skipped node is one line, without its children: it did not decide anything.
     */
    static void tree(StringBuilder sb, ExplainNode n, String indent) {
        String mark = switch (n.outcome()) {
            case TRUE -> "[true] ";
            case FALSE -> "[false]";
            case NOT_EVALUATED -> "[skip] ";
        };
        String label = switch (n.kind()) {
            case AND -> "and";
            case OR -> "or";
            case NOT -> "not";
            case MACRO -> "macro " + n.text();
            case CHECK -> cut(n.text()) + reads(n);
        };
        if (n.outcome() == ExplainNode.Outcome.NOT_EVALUATED && !n.children().isEmpty()) {
            label = switch (n.kind()) {
                case MACRO -> label;
                case NOT -> "not " + cut(n.children().getFirst().kind() == ExplainNode.Kind.MACRO
                        ? "macro " + n.children().getFirst().text() : n.children().getFirst().text());
                default -> label + " (" + n.children().size() + " parts)";
            };
            sb.append(indent).append(mark).append(' ').append(label).append('\n');
            return;
        }
        sb.append(indent).append(mark).append(' ').append(label).append('\n');
        for (ExplainNode c : n.children()) tree(sb, c, indent + "    ");
    }

    private static String cut(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 3) + "...";
    }

    static String reads(ExplainNode n) {
        List<FieldRead> reads = n.reads();
        if (reads.isEmpty()) return "";
        StringBuilder sb = new StringBuilder("   <- ");
        for (int i = 0; i < reads.size(); i++) {
            FieldRead r = reads.get(i);
            if (i > 0) sb.append(", ");
            sb.append(r.field()).append('=').append(r.missing() ? "<NA> (" + r.why() + ")" : r.value());
        }
        return sb.toString();
    }
}
