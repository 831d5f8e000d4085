package dev.falconet.rules.load;

import dev.falconet.rules.diag.Diagnostic;
import dev.falconet.rules.diag.Severity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Collects diagnostics in the order found; the same finding reported twice is kept once. */
final class DiagnosticSink {
    private final Set<Diagnostic> found = new LinkedHashSet<>();

    void error(String code, SourceSpan at, String item, String message) {
        add(code, Severity.ERROR, at, item, message);
    }

    void warning(String code, SourceSpan at, String item, String message) {
        add(code, Severity.WARNING, at, item, message);
    }

    void add(String code, Severity severity, SourceSpan at, String item, String message) {
        SourceSpan s = at == null ? SourceSpan.UNKNOWN : at;
        found.add(new Diagnostic(code, severity, s.file(), s.line(), s.column(), item, message));
    }

    void addAll(DiagnosticSink other) {
        found.addAll(other.found);
    }

    List<Diagnostic> list() {
        return new ArrayList<>(found);
    }
}
