package dev.falconet.rules.load;

import java.util.ArrayList;
import java.util.List;

/**
 * A text built from pieces of YAML scalars and from text the loader made up (exception fragments,
 * substituted list items, joining blanks), remembering where each character came from, so that a
 * position inside a condition can be reported at its line and column in the rules file.
 */
public final class TracedText {
    /** Where a run of characters comes from: a scalar (moving with the text) or one fixed place. */
    private record Segment(int start, ScalarOrigin scalar, int scalarOffset, boolean pinned, SourceSpan fixed) {
        Segment(int start, ScalarOrigin scalar, int scalarOffset, SourceSpan fixed) {
            this(start, scalar, scalarOffset, false, fixed);
        }
    }

    private final String text;
    private final List<Segment> segments;

    private TracedText(String text, List<Segment> segments) {
        this.text = text;
        this.segments = segments;
    }

    /** The whole value of a YAML scalar. */
    static TracedText of(SourceFile file, YamlNode.Scalar node) {
        ScalarOrigin o = new ScalarOrigin(file, node);
        return new TracedText(node.value(), List.of(new Segment(0, o, 0, null)));
    }

    /** Text with one fixed origin. */
    static TracedText fixed(String text, SourceSpan at) {
        return new TracedText(text, List.of(new Segment(0, null, 0, at)));
    }

    public String text() {
        return text;
    }

    public int length() {
        return text.length();
    }

    /** Where character {@code offset} of the text came from (offsets past the end map to the last one). */
    public SourceSpan locate(int offset) {
        if (segments.isEmpty()) return SourceSpan.UNKNOWN;
        int o = Math.max(0, Math.min(offset, text.length()));
        Segment s = segmentAt(o);
        if (s.scalar == null) return s.fixed;
        return s.scalar.span(s.pinned ? s.scalarOffset : s.scalarOffset + (o - s.start));
    }

    private Segment segmentAt(int offset) {
        int lo = 0, hi = segments.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (segments.get(mid).start <= offset) lo = mid; else hi = mid - 1;
        }
        return segments.get(lo);
    }

    /** Builds a traced text piece by piece. */
    static final class Builder {
        private final StringBuilder sb = new StringBuilder();
        private final List<Segment> segs = new ArrayList<>();

        int length() {
            return sb.length();
        }

        char charAt(int i) {
            return sb.charAt(i);
        }

        /** Drops everything from {@code len} on. */
        Builder truncate(int len) {
            if (len >= sb.length()) return this;
            sb.setLength(len);
            while (!segs.isEmpty() && segs.getLast().start >= len) segs.removeLast();
            return this;
        }

        /** Appends text that all maps to one place. */
        Builder appendFixed(String s, SourceSpan at) {
            if (s.isEmpty()) return this;
            addSegment(new Segment(sb.length(), null, 0, at));
            sb.append(s);
            return this;
        }

        /** Appends text that all maps to where character {@code at} of {@code src} came from. */
        Builder appendPinned(String s, TracedText src, int at) {
            if (s.isEmpty()) return this;
            if (src.segments.isEmpty()) return appendFixed(s, SourceSpan.UNKNOWN);
            Segment seg = src.segmentAt(at);
            int o = Math.max(0, Math.min(at, src.text.length()));
            if (seg.scalar == null) {
                addSegment(new Segment(sb.length(), null, 0, seg.fixed));
            } else {
                int off = seg.pinned ? seg.scalarOffset : seg.scalarOffset + (o - seg.start);
                addSegment(new Segment(sb.length(), seg.scalar, off, true, null));
            }
            sb.append(s);
            return this;
        }

        /** Appends {@code src[from, to)}, keeping its origins. */
        Builder append(TracedText src, int from, int to) {
            if (from >= to) return this;
            List<Segment> ss = src.segments;
            for (int i = 0; i < ss.size(); i++) {
                Segment s = ss.get(i);
                int sEnd = i + 1 < ss.size() ? ss.get(i + 1).start : src.text.length();
                int a = Math.max(from, s.start), b = Math.min(to, sEnd);
                if (a >= b) continue;
                int at = sb.length();
                addSegment(s.scalar == null ? new Segment(at, null, 0, s.fixed)
                        : new Segment(at, s.scalar, s.pinned ? s.scalarOffset : s.scalarOffset + (a - s.start), s.pinned, null));
                sb.append(src.text, a, b);
            }
            return this;
        }

        Builder append(TracedText src) {
            return append(src, 0, src.text.length());
        }

        private void addSegment(Segment s) {
            if (!segs.isEmpty() && segs.getLast().start == s.start) segs.removeLast();
            segs.add(s);
        }

        TracedText build() {
            return new TracedText(sb.toString(), List.copyOf(segs));
        }
    }
}
