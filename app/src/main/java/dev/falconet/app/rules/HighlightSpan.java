package dev.falconet.app.rules;

/**
 * A highlighted range of the rules editor's text.
 *
 * @param start first character (0-based)
 * @param end   one past the last
 * @param style a CSS style class of the editor ({@code yaml-key}, {@code cond-field} ...)
 */
public record HighlightSpan(int start, int end, String style) {}
