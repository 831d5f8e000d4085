package dev.falconet.app.rules;

import dev.falconet.rules.diag.Diagnostic;

/**
 * A diagnostic placed in the editor's text: the character range to underline.
 *
 * @param start      first character underlined (0-based offset)
 * @param end        one past the last; equal to start when the diagnostic has no position in this text
 * @param diagnostic the loader's or compiler's diagnostic
 */
public record EditorDiagnostic(int start, int end, Diagnostic diagnostic) {
    public boolean placed() {
        return end > start;
    }

    public boolean isError() {
        return diagnostic.isError();
    }
}
