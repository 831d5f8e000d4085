package dev.falconet.app.rules;

import dev.falconet.engine.EngineOptions;
import dev.falconet.engine.RuleEngine;
import dev.falconet.rules.diag.Diagnostic;
import dev.falconet.rules.load.RulesSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the text in the rules editor with the real loader and compiler, and places each diagnostic
 * on the text: from its line and column to the end of the word there (or of the line).
 */
public final class RulesCheck {
    private RulesCheck() {}

    /** The outcome of checking one text. */
    public record Result(RuleEngine.Build build, List<EditorDiagnostic> diagnostics) {
        public Result {
            diagnostics = List.copyOf(diagnostics);
        }

        public long errors() {
            return diagnostics.stream().filter(EditorDiagnostic::isError).count();
        }

        public long warnings() {
            return diagnostics.size() - errors();
        }

        /** Number of rules that compiled (0 when there were errors). */
        public int rules() {
            return build.ok() ? build.engine().rules().size() : 0;
        }
    }

    /** Loads and compiles {@code text} as the rules file {@code name}. Never throws on bad input. */
    public static Result check(String name, String text, EngineOptions options) {
        RuleEngine.Build b = RuleEngine.load(List.of(new RulesSource(name, text)), options);
        List<EditorDiagnostic> placed = new ArrayList<>();
        for (Diagnostic d : b.diagnostics()) {
            boolean here = d.file().equals(name) || d.file().isEmpty();
            placed.add(here ? place(text, d) : new EditorDiagnostic(0, 0, d));
        }
        return new Result(b, placed);
    }

    static EditorDiagnostic place(String text, Diagnostic d) {
        if (d.line() <= 0) return new EditorDiagnostic(0, 0, d);
        int lineStart = 0;
        for (int l = 1; l < d.line(); l++) {
            int nl = text.indexOf('\n', lineStart);
            if (nl < 0) return new EditorDiagnostic(0, 0, d);
            lineStart = nl + 1;
        }
        int lineEnd = text.indexOf('\n', lineStart);
        if (lineEnd < 0) lineEnd = text.length();
        int start = Math.min(lineStart + Math.max(0, d.column() - 1), lineEnd);
        int end = start;
        while (end < lineEnd && !Character.isWhitespace(text.charAt(end))) end++;
        if (end == start) {
            // nothing at the column (end of line): underline the line's text instead
            start = lineStart;
            while (start < lineEnd && Character.isWhitespace(text.charAt(start))) start++;
            end = lineEnd;
        }
        if (end == start && start < text.length()) end = start + 1;
        return new EditorDiagnostic(start, end, d);
    }
}
