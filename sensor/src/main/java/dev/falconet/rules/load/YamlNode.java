package dev.falconet.rules.load;

import java.util.ArrayList;
import java.util.List;

/**
 * A node of a YAML document as the loader sees it: scalars keep their literal text (no implicit typing,
 * so {@code yes}, {@code 1.0} and {@code on} stay strings), every node keeps its position.
 */
sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Sequence, YamlNode.Mapping {

    /** 0-based line and column and the character offset where the node starts. */
    YamlMark start();

    /** What the node is, for messages: "a scalar", "a sequence", "a mapping". */
    String kind();

    /** 0-based position in the source text. */
    record YamlMark(int line, int column, int offset) {
        static final YamlMark ORIGIN = new YamlMark(0, 0, 0);
    }

    /**
     * A scalar. {@code isNull} follows yaml-cpp: a plain {@code ~}, {@code null}, {@code Null}, {@code NULL}
     * or empty scalar is null, a quoted one never is. {@code end} is where the scalar's text ends.
     */
    record Scalar(String value, Style style, boolean isNull, YamlMark start, YamlMark end) implements YamlNode {
        public String kind() {
            return isNull ? "null" : "a scalar";
        }
    }

    enum Style { PLAIN, SINGLE_QUOTED, DOUBLE_QUOTED, LITERAL, FOLDED }

    /** A sequence; items are added while the document is being built. */
    record Sequence(List<YamlNode> items, YamlMark start) implements YamlNode {
        Sequence(YamlMark start) {
            this(new ArrayList<>(), start);
        }

        public String kind() {
            return "a sequence";
        }
    }

    /** One key/value pair of a mapping. A key that is not a scalar has a null {@code key} text. */
    record Entry(String key, YamlNode keyNode, YamlNode value) {}

    /** A mapping, in document order; duplicate keys are kept (lookups return the first, as yaml-cpp does). */
    record Mapping(List<Entry> entries, YamlMark start) implements YamlNode {
        Mapping(YamlMark start) {
            this(new ArrayList<>(), start);
        }

        public String kind() {
            return "a mapping";
        }

        /** The first value for {@code key}, or null when absent. */
        YamlNode get(String key) {
            for (Entry e : entries) if (key.equals(e.key())) return e.value();
            return null;
        }

        /** The first entry for {@code key}, or null when absent. */
        Entry entry(String key) {
            for (Entry e : entries) if (key.equals(e.key())) return e;
            return null;
        }

        boolean has(String key) {
            return entry(key) != null;
        }
    }

    static boolean isNull(YamlNode n) {
        return n instanceof Scalar s && s.isNull();
    }
}
