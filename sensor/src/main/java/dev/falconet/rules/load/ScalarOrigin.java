package dev.falconet.rules.load;

/**
 * Maps each character of a YAML scalar's value back to the file. Works for every scalar style: the value's
 * characters are matched in order against the raw text of the node (skipping quotes, escapes, indentation
 * and folded line breaks); blanks that have no literal counterpart map next to the character before them.
 * Computed lazily, since only diagnostics need it.
 */
final class ScalarOrigin {
    private final SourceFile file;
    private final String value;
    private final int rawStart;
    private final int rawEnd;
    private volatile int[] rawOffsets; // computed on first use; volatile so any thread sees it whole

    ScalarOrigin(SourceFile file, YamlNode.Scalar node) {
        this.file = file;
        this.value = node.value();
        this.rawStart = node.start().offset();
        this.rawEnd = Math.max(rawStart, Math.min(node.end().offset(), file.text.length()));
    }

    SourceFile file() {
        return file;
    }

    /** The file position of character {@code i} of the value ({@code i == length} is just past the end). */
    SourceSpan span(int i) {
        int[] offsets = rawOffsets;
        if (offsets == null) rawOffsets = offsets = align();
        int k = Math.max(0, Math.min(i, offsets.length - 1));
        return file.span(offsets[k]);
    }

    private int[] align() {
        String raw = file.text;
        int[] out = new int[value.length() + 1];
        int p = rawStart;
        int last = rawStart;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c)) {
                out[i] = Math.min(last + 1, Math.max(rawEnd, rawStart));
                continue;
            }
            int q = -1;
            for (int j = p; j < rawEnd; j++) {
                if (raw.charAt(j) == c) {
                    q = j;
                    break;
                }
            }
            if (q >= 0) {
                out[i] = q;
                last = q;
                p = q + 1;
            } else {
                out[i] = last;
            }
        }
        out[value.length()] = value.isEmpty() ? rawStart : Math.min(last + 1, Math.max(rawEnd, rawStart));
        return out;
    }
}
