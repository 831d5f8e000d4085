package dev.falconet.rules.load;

/**
 * A place in a rules file: the file as named in diagnostics, 1-based line and column (0 when unknown).
 */
public record SourceSpan(String file, int line, int column) {
    public static final SourceSpan UNKNOWN = new SourceSpan("", 0, 0);

    public SourceSpan {
        file = file == null ? "" : file;
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
