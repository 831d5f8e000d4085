package dev.falconet.rules.load;

import java.util.ArrayList;
import java.util.List;

/**
 * A condition that appends extend: Falco's {@code old + " " + new}, kept as pieces and joined when read, so
 * that many appends to one macro or rule cost linear time, not quadratic.
 */
final class AppendableText {
    private final List<TracedText> pieces = new ArrayList<>();
    private final List<SourceSpan> joints = new ArrayList<>();
    private TracedText joined;

    AppendableText(TracedText first) {
        pieces.add(first);
        joined = first;
    }

    /** Appends {@code " " + more}; the blank maps to {@code at}. */
    void append(SourceSpan at, TracedText more) {
        joints.add(at);
        pieces.add(more);
        joined = null;
    }

    TracedText text() {
        if (joined == null) {
            TracedText.Builder b = new TracedText.Builder().append(pieces.getFirst());
            for (int i = 1; i < pieces.size(); i++) b.appendFixed(" ", joints.get(i - 1)).append(pieces.get(i));
            joined = b.build();
        }
        return joined;
    }
}
