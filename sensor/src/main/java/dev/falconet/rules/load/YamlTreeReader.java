package dev.falconet.rules.load;

import dev.falconet.rules.load.YamlNode.Mapping;
import dev.falconet.rules.load.YamlNode.Scalar;
import dev.falconet.rules.load.YamlNode.Sequence;
import dev.falconet.rules.load.YamlNode.Style;
import dev.falconet.rules.load.YamlNode.YamlMark;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;

/**
 * Stage 1 of loading: YAML text to {@link YamlNode} trees, one per document.
 *
 * <p>Built from snakeyaml-engine's event stream with an explicit stack (not its recursive composer), so
 * that deep nesting is a diagnostic instead of a stack overflow. Aliases share the anchored node; an
 * alias to an unknown or unfinished anchor is an error, so the trees never contain cycles. On a syntax
 * error, the top-level items completed before it are kept.
 */
final class YamlTreeReader {
    /** Deeper nesting than this is refused; rules files need about six levels. */
    static final int MAX_DEPTH = 200;
    /** Aliases to collections allowed per file (guards against "billion laughs" expansion). */
    static final int MAX_COLLECTION_ALIASES = 50;

    /** The documents read (null for an empty document), and the error that stopped reading, if any. */
    record Result(List<YamlNode> documents, YamlError error) {}

    /** A YAML error with its 0-based position. */
    record YamlError(String message, YamlMark mark) {}

    private static final LoadSettings SETTINGS = LoadSettings.builder()
            .setLabel("rules")
            .setCodePointLimit(Integer.MAX_VALUE)
            .setAllowDuplicateKeys(true)
            .setUseMarks(true)
            .build();

    private final String text;
    private final int[] charOffsetOfCodePoint; // null when the text has no surrogate pairs

    private YamlTreeReader(String text) {
        this.text = text;
        this.charOffsetOfCodePoint = codePointMap(text);
    }

    static Result read(String text) {
        return new YamlTreeReader(text).run();
    }

    /** A collection being built, with the key waiting for its value when it is a mapping. */
    private static final class Frame {
        final YamlNode node;
        final String anchor;
        YamlNode pendingKey;
        boolean hasPendingKey;

        Frame(YamlNode node, String anchor) {
            this.node = node;
            this.anchor = anchor;
        }
    }

    private Result run() {
        List<YamlNode> docs = new ArrayList<>();
        Deque<Frame> stack = new ArrayDeque<>();
        Map<String, YamlNode> anchors = new HashMap<>();
        int collectionAliases = 0;
        boolean inDocument = false;
        YamlNode root = null;
        try {
            for (Event ev : new Parse(SETTINGS).parseString(text)) {
                YamlNode done = null;
                String anchor = null;
                switch (ev.getEventId()) {
                    case DocumentStart -> {
                        inDocument = true;
                        root = null;
                        anchors.clear();
                    }
                    case DocumentEnd -> {
                        docs.add(root);
                        inDocument = false;
                    }
                    case SequenceStart, MappingStart -> {
                        if (stack.size() >= MAX_DEPTH) {
                            return fail(docs, stack, root, inDocument,
                                    "YAML nesting is deeper than " + MAX_DEPTH + " levels", mark(ev.getStartMark()));
                        }
                        YamlMark m = mark(ev.getStartMark());
                        YamlNode n = ev.getEventId() == Event.ID.SequenceStart ? new Sequence(m) : new Mapping(m);
                        stack.push(new Frame(n, anchorOf(ev)));
                    }
                    case SequenceEnd, MappingEnd -> {
                        Frame f = stack.pop();
                        if (f.hasPendingKey) ((Mapping) f.node).entries().add(entry(f.pendingKey, emptyScalar(f.pendingKey)));
                        done = f.node;
                        anchor = f.anchor;
                    }
                    case Scalar -> {
                        done = scalar((ScalarEvent) ev);
                        anchor = anchorOf(ev);
                    }
                    case Alias -> {
                        String name = ((AliasEvent) ev).getAlias().getValue();
                        done = anchors.get(name);
                        if (done == null) {
                            return fail(docs, stack, root, inDocument,
                                    "found undefined or recursive alias '*" + name + "'", mark(ev.getStartMark()));
                        }
                        if (!(done instanceof Scalar) && ++collectionAliases > MAX_COLLECTION_ALIASES) {
                            return fail(docs, stack, root, inDocument, "more than " + MAX_COLLECTION_ALIASES
                                    + " aliases to collections in one file", mark(ev.getStartMark()));
                        }
                    }
                    default -> {
                        // StreamStart, StreamEnd, Comment: nothing to build
                    }
                }
                if (done != null) {
                    if (anchor != null) anchors.put(anchor, done);
                    if (stack.isEmpty()) {
                        root = done;
                    } else {
                        attach(stack.peek(), done);
                    }
                }
            }
            return new Result(docs, null);
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> m = e.getProblemMark().isPresent() ? e.getProblemMark() : e.getContextMark();
            String msg = e.getProblem() != null ? e.getProblem() : e.getMessage();
            if (e.getContext() != null && !e.getContext().isBlank()) msg = e.getContext() + ": " + msg;
            return fail(docs, stack, root, inDocument, msg, mark(m));
        } catch (RuntimeException e) {
            // snakeyaml's unmarked errors (YamlEngineException and kin): no position
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return fail(docs, stack, root, inDocument, msg, YamlMark.ORIGIN);
        }
    }

    /** Keeps what was complete before the error: the finished items of the outermost collection. */
    private static Result fail(List<YamlNode> docs, Deque<Frame> stack, YamlNode root, boolean inDocument,
                               String message, YamlMark at) {
        List<YamlNode> kept = new ArrayList<>(docs);
        if (!stack.isEmpty()) {
            kept.add(stack.peekLast().node);
        } else if (inDocument && root != null) {
            kept.add(root);
        }
        return new Result(kept, new YamlError(message.strip(), at));
    }

    private static void attach(Frame f, YamlNode child) {
        if (f.node instanceof Sequence s) {
            s.items().add(child);
        } else if (!f.hasPendingKey) {
            f.pendingKey = child;
            f.hasPendingKey = true;
        } else {
            ((Mapping) f.node).entries().add(entry(f.pendingKey, child));
            f.pendingKey = null;
            f.hasPendingKey = false;
        }
    }

    private static YamlNode.Entry entry(YamlNode key, YamlNode value) {
        String k = key instanceof Scalar s ? s.value() : null;
        return new YamlNode.Entry(k, key, value);
    }

    private static YamlNode emptyScalar(YamlNode after) {
        return new Scalar("", Style.PLAIN, true, after.start(), after.start());
    }

    private static String anchorOf(Event ev) {
        return ev instanceof NodeEvent ne ? ne.getAnchor().map(a -> a.getValue()).orElse(null) : null;
    }

    private Scalar scalar(ScalarEvent ev) {
        Style style = switch (ev.getScalarStyle()) {
            case SINGLE_QUOTED -> Style.SINGLE_QUOTED;
            case DOUBLE_QUOTED -> Style.DOUBLE_QUOTED;
            case LITERAL -> Style.LITERAL;
            case FOLDED -> Style.FOLDED;
            default -> Style.PLAIN;
        };
        String v = ev.getValue();
        boolean tagNull = ev.getTag().map(t -> t.equals("tag:yaml.org,2002:null")).orElse(false);
        boolean isNull = tagNull || (style == Style.PLAIN
                && (v.isEmpty() || v.equals("~") || v.equals("null") || v.equals("Null") || v.equals("NULL")));
        return new Scalar(v, style, isNull, mark(ev.getStartMark()), mark(ev.getEndMark()));
    }

    private YamlMark mark(Optional<Mark> m) {
        if (m.isEmpty()) return YamlMark.ORIGIN;
        Mark mk = m.get();
        int cp = Math.max(0, mk.getIndex());
        int offset;
        if (charOffsetOfCodePoint == null) {
            offset = Math.min(cp, text.length());
        } else {
            offset = cp < charOffsetOfCodePoint.length ? charOffsetOfCodePoint[cp] : text.length();
        }
        return new YamlMark(mk.getLine(), mk.getColumn(), offset);
    }

    private static int[] codePointMap(String text) {
        // one char per code point (no surrogate pair; unpaired surrogates count as one, for snakeyaml too):
        // offsets are indexes; String answers this at once for Latin-1 text, without a loop over it
        int codePoints = text.codePointCount(0, text.length());
        if (codePoints == text.length()) return null;
        int[] map = new int[codePoints + 1];
        int cp = 0;
        for (int i = 0; i < text.length(); ) {
            map[cp++] = i;
            i += Character.charCount(text.codePointAt(i));
        }
        map[cp] = text.length();
        return map;
    }
}
