package dev.falconet.rules.load;

import java.util.Arrays;

/**
 * Turns character offsets of a source text into 1-based line and column numbers. Line breaks are
 * {@code \n}, {@code \r\n} and {@code \r}, as in YAML 1.2.
 */
final class LineIndex {
    private final int[] lineStarts;
    private final int length;

    LineIndex(String text) {
        int[] starts = new int[16];
        int n = 0;
        starts[n++] = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') continue;
            if (c == '\n' || c == '\r') {
                if (n == starts.length) starts = Arrays.copyOf(starts, n * 2);
                starts[n++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, n);
        this.length = text.length();
    }

    /** 1-based line of a character offset (clamped to the text). */
    int line(int offset) {
        int o = Math.max(0, Math.min(offset, length));
        int i = Arrays.binarySearch(lineStarts, o);
        return (i >= 0 ? i : -i - 2) + 1;
    }

    /** 1-based column of a character offset (clamped to the text). */
    int column(int offset) {
        int o = Math.max(0, Math.min(offset, length));
        return o - lineStarts[line(o) - 1] + 1;
    }
}
