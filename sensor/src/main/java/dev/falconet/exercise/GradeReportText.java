package dev.falconet.exercise;

import dev.falconet.engine.explain.ExplainNode;
import dev.falconet.engine.explain.FieldRead;
import dev.falconet.rules.diag.Diagnostic;
import java.util.List;

/**
 * A {@link GradeReport} as text, as {@code falconet exercise check} prints it: the rules file's diagnostics
 * (file:line:col: CODE message), the requirements, then each case with, for a miss, the explanation of the
 * expected rule on the expected event, and for a false alarm the offending events with their alert lines.
 * Hidden checks show pass/fail and their hint only. The grader's sentences come in English or Russian; the
 * rules loader's diagnostics, alert lines and condition texts are shown as they are.
 */
public final class GradeReportText {
    /** Longer sub-condition texts are cut in the text view (the JSON keeps them whole). */
    static final int MAX_TEXT = 150;

    private GradeReportText() {}

    /** The report in {@code lang} ("en" or "ru"). */
    public static String render(GradeReport r, String lang) {
        StringBuilder sb = new StringBuilder();
        sb.append(Words.pick(lang, "Exercise ", "Упражнение ")).append(r.exerciseId())
                .append(Words.pick(lang, ": checking ", ": проверяется ")).append(r.rulesFile()).append('\n');
        for (Diagnostic d : r.diagnostics()) sb.append(d.format()).append('\n');
        if (!r.diagnostics().isEmpty()) {
            long e = r.diagnostics().stream().filter(Diagnostic::isError).count();
            long w = r.diagnostics().size() - e;
            sb.append(Words.pick(lang, "Rules file: " + e + (e == 1 ? " error, " : " errors, ") + w + (w == 1 ? " warning" : " warnings"),
                    "Файл правил: ошибок " + e + ", предупреждений " + w)).append('\n');
        }
        String message = r.message().in(lang);
        if (!message.isEmpty()) sb.append(message).append('\n');
        for (GradeReport.RequirementResult q : r.requirements()) {
            sb.append(Words.pick(lang, "requirement: ", "требование: ")).append(q.requirement().describe(lang)).append(": ")
                    .append(q.met() ? Words.pick(lang, "met", "выполнено")
                            : Words.pick(lang, "NOT MET (", "НЕ ВЫПОЛНЕНО (") + q.detail().in(lang) + ")").append('\n');
        }
        String passed = Words.pick(lang, "passed", "пройден");
        String failed = Words.pick(lang, "FAILED", "НЕ ПРОЙДЕН");
        for (CaseResult c : r.cases()) {
            sb.append('\n');
            if (c.hidden()) {
                sb.append(Words.pick(lang, "hidden check ", "скрытая проверка ")).append(c.number()).append(": ")
                        .append(c.passed() ? Words.pick(lang, "passed", "пройдена") : Words.pick(lang, "FAILED", "НЕ ПРОЙДЕНА"));
                if (!c.passed()) sb.append(Words.pick(lang, "\n  hint: ", "\n  подсказка: ")).append(c.hint().in(lang));
                sb.append('\n');
                continue;
            }
            sb.append(Words.pick(lang, "case ", "случай ")).append(c.number()).append(" '").append(c.id()).append("': ")
                    .append(c.title().in(lang)).append(" -- ").append(c.passed() ? passed : failed).append('\n');
            if (c.error() != null) sb.append("  ").append(c.error()).append('\n');
            for (Finding f : c.findings()) finding(sb, f, lang);
        }
        int total = r.cases().size();
        sb.append('\n').append(Words.pick(lang, "Result: ", "Итог: ")).append(switch (r.status()) {
            case PASSED -> Words.pick(lang, "PASSED (" + total + " of " + total + " cases)", "ПРОЙДЕНО (случаев: " + total + " из " + total + ")");
            case FAILED -> {
                boolean reqsMet = r.requirements().stream().allMatch(GradeReport.RequirementResult::met);
                yield Words.pick(lang,
                        "FAILED (" + r.passedCount() + " of " + total + " cases passed" + (reqsMet ? "" : "; a requirement is not met") + ")",
                        "НЕ ПРОЙДЕНО (пройдено случаев: " + r.passedCount() + " из " + total + (reqsMet ? "" : "; требование не выполнено") + ")");
            }
            case RULES_ERROR -> Words.pick(lang, "FAILED (the rules file has errors)", "НЕ ПРОЙДЕНО (в файле правил ошибки)");
            case SKIPPED -> Words.pick(lang, "SKIPPED", "ПРОПУЩЕНО");
        }).append('\n');
        return sb.toString();
    }

    private static void finding(StringBuilder sb, Finding f, String lang) {
        sb.append("  ").append(f.summary(lang)).append('\n');
        switch (f) {
            case Finding.Missed m -> {
                if (!m.enabled()) sb.append(Words.pick(lang, "  the rule is disabled (enabled: false)\n", "  правило выключено (enabled: false)\n"));
                if (!m.appliesToEventType()) {
                    sb.append(Words.pick(lang,
                            "  the rule only looks at event types " + m.ruleEventTypes() + ", not " + m.event().type()
                                    + " (its condition's evt.type tests decide that)\n",
                            "  правило смотрит только на события типов " + m.ruleEventTypes() + ", а не " + m.event().type()
                                    + " (это решают проверки evt.type в его условии)\n"));
                }
                if (!m.whyNot().isEmpty() && !m.tree().isTrue()) {
                    sb.append(Words.pick(lang, "  why not (the parts that were false):\n", "  почему нет (ложные части условия):\n"));
                    for (ExplainNode n : m.whyNot()) sb.append("    ").append(cut(n.text())).append(reads(n)).append('\n');
                }
                sb.append(Words.pick(lang, "  the condition on this event:\n", "  условие на этом событии:\n"));
                tree(sb, m.tree(), "    ");
            }
            case Finding.FalseAlarm a -> {
                for (EventSummary e : a.events()) {
                    sb.append("    ").append(e.describe(lang)).append('\n');
                    if (e.alert() != null) sb.append("      ").append(e.alert()).append('\n');
                }
            }
            case Finding.NoSuchRule n -> { }
            case Finding.TargetNotSeen t -> { }
        }
    }

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
