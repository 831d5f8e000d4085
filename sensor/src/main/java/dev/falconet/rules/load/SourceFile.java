package dev.falconet.rules.load;

/** A rules file's text with its name and line index, shared by everything read from it. */
final class SourceFile {
    final String name;
    final String text;
    private volatile LineIndex lines; // computed on first use

    SourceFile(String name, String text) {
        this.name = name;
        this.text = text;
    }

    /** The 1-based span of a character offset of this file. */
    SourceSpan span(int offset) {
        LineIndex l = lines;
        if (l == null) lines = l = new LineIndex(text);
        return new SourceSpan(name, l.line(offset), l.column(offset));
    }

    SourceSpan span(YamlNode node) {
        return span(node.start().offset());
    }
}
