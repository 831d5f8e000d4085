package dev.falconet.scenario;

/**
 * Where something was written in a scenario file, for messages.
 *
 * @param file   the scenario file as shown to users
 * @param line   1-based line
 * @param column 1-based column
 */
public record SourcePos(String file, int line, int column) {
    /** {@code file:line:column}. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
