package dev.falconet.rules.ast;

/**
 * A position inside a condition text: 0-based character offset, 1-based line and column.
 * Positions are relative to the condition string the parser was given; the loader maps them to
 * the rules file.
 */
public record Pos(int offset, int line, int column) {
    public static final Pos NONE = new Pos(0, 1, 1);
}
