package dev.falconet.rules.diag;

import java.util.Objects;

/**
 * One finding of the rules pipeline (read YAML, merge, resolve, compile, lint).
 *
 * @param code     stable code: Falco's catalog name where one exists ({@code LOAD_ERR_YAML_PARSE},
 *                 {@code LOAD_ERR_COMPILE_CONDITION}, {@code LOAD_UNUSED_MACRO} ...), ours otherwise
 * @param severity error or warning
 * @param file     the rules file (as given), or "" when not tied to a file
 * @param line     1-based line in the file, 0 when unknown
 * @param column   1-based column, 0 when unknown
 * @param item     the item it concerns, e.g. {@code rule 'Terminal shell in container'}, or ""
 * @param message  what is wrong, and the fix where one is known
 */
public record Diagnostic(String code, Severity severity, String file, int line, int column, String item, String message) {
    public Diagnostic {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        file = file == null ? "" : file;
        item = item == null ? "" : item;
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code FILE:LINE:COL: error|warning CODE: item: message}, as {@code falconet validate} prints it. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        if (!file.isEmpty()) sb.append(file).append(':').append(line).append(':').append(column).append(": ");
        sb.append(severity.lower()).append(' ').append(code).append(": ");
        if (!item.isEmpty()) sb.append(item).append(": ");
        return sb.append(message).toString();
    }
}
