package dev.falconet.exercise;

import dev.falconet.rules.diag.Diagnostic;
import dev.falconet.rules.diag.Severity;
import dev.falconet.rules.load.KeySuggester;
import dev.falconet.rules.load.SourceSpan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reading one exercise file's YAML with positions: typed accessors that report every problem as a
 * {@link Diagnostic} with file:line:column and return null instead of throwing.
 */
final class ExerciseYaml {
    private static final LoadSettings SETTINGS = LoadSettings.builder().setLabel("exercise").setUseMarks(true)
            .setAllowDuplicateKeys(true).setMaxAliasesForCollections(20).build();

    private final String file;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private String item = "";

    ExerciseYaml(String file) {
        this.file = file;
    }

    /** The document's root node, or null (with a diagnostic) when the text is not one YAML document. */
    Node parse(String text) {
        try {
            Optional<Node> root = new Compose(SETTINGS).composeString(text);
            if (root.isEmpty()) {
                error(ExerciseCodes.YAML_PARSE, null, "the file is empty");
                return null;
            }
            return root.get();
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> m = e.getProblemMark().isPresent() ? e.getProblemMark() : e.getContextMark();
            String msg = e.getProblem() != null ? e.getProblem() : e.getMessage();
            if (e.getContext() != null && !e.getContext().isBlank()) msg = e.getContext() + ": " + msg;
            add(ExerciseCodes.YAML_PARSE, Severity.ERROR, m.map(Mark::getLine).orElse(-1), m.map(Mark::getColumn).orElse(-1), msg.strip());
            return null;
        } catch (RuntimeException | StackOverflowError e) {
            error(ExerciseCodes.YAML_PARSE, null, "not valid YAML: " + e.getMessage());
            return null;
        }
    }

    List<Diagnostic> diagnostics() {
        return List.copyOf(diagnostics);
    }

    boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    /** The item later diagnostics concern, e.g. {@code case 'touch'}. */
    void item(String item) {
        this.item = item == null ? "" : item;
    }

    String currentItem() {
        return item;
    }

    /** Where a node starts, as a 1-based span of this file. */
    SourceSpan span(Node n) {
        return new SourceSpan(file, line(n) + 1, column(n) + 1);
    }

    void errorAt(String code, SourceSpan at, String message) {
        diagnostics.add(new Diagnostic(code, Severity.ERROR, file, at.line(), at.column(), item, message));
    }

    void error(String code, Node at, String message) {
        add(code, Severity.ERROR, line(at), column(at), message);
    }

    void warning(String code, Node at, String message) {
        add(code, Severity.WARNING, line(at), column(at), message);
    }

    private void add(String code, Severity severity, int line0, int col0, String message) {
        diagnostics.add(new Diagnostic(code, severity, file, line0 + 1, col0 + 1, item, message));
    }

    private static int line(Node n) {
        return n == null ? -1 : n.getStartMark().map(Mark::getLine).orElse(-1);
    }

    private static int column(Node n) {
        return n == null ? -1 : n.getStartMark().map(Mark::getColumn).orElse(-1);
    }

    /**
     * A mapping's entries by key, in order. Reports a node that is not a mapping, duplicate and unknown keys
     * (with "did you mean") and missing required keys; returns null when {@code n} is not a mapping.
     */
    Entries mapping(Node n, String what, Set<String> allowed, Set<String> required) {
        if (!(n instanceof MappingNode m)) {
            error(ExerciseCodes.BAD_VALUE, n, what + " must be a mapping (key: value lines), not " + kind(n));
            return null;
        }
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                error(ExerciseCodes.BAD_VALUE, t.getKeyNode(), "a key of " + what + " must be a plain name");
                continue;
            }
            String key = k.getValue();
            if (entries.containsKey(key)) {
                error(ExerciseCodes.DUPLICATE_KEY, k, "key '" + key + "' appears twice in " + what + "; keep one");
                continue;
            }
            if (!allowed.contains(key)) {
                error(ExerciseCodes.UNKNOWN_KEY, k, "unknown key '" + key + "' in " + what + "."
                        + KeySuggester.didYouMean(key, allowed) + " Allowed: " + String.join(", ", allowed));
                continue;
            }
            entries.put(key, t);
        }
        for (String r : required) {
            if (!entries.containsKey(r)) error(ExerciseCodes.MISSING_KEY, n, what + " has no '" + r + "'");
        }
        return new Entries(m, entries);
    }

    /** The entries of a mapping that were accepted (known keys, first occurrence). */
    record Entries(MappingNode node, Map<String, NodeTuple> entries) {
        Node get(String key) {
            NodeTuple t = entries.get(key);
            return t == null ? null : t.getValueNode();
        }

        Node keyNode(String key) {
            NodeTuple t = entries.get(key);
            return t == null ? node : t.getKeyNode();
        }

        boolean has(String key) {
            return entries.containsKey(key);
        }
    }

    /** The text of {@code key} in a mapping, without any check (to name the item before its keys are checked); null when absent. */
    static String peek(Node n, String key) {
        if (!(n instanceof MappingNode m)) return null;
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key) && t.getValueNode() instanceof ScalarNode v
                    && !isNull(v) && !v.getValue().isBlank()) {
                return v.getValue();
            }
        }
        return null;
    }

    /** A key of a mapping whose keys are data (field names), with its value. */
    record Pair(String key, Node keyNode, Node value) {}

    /** The entries of a mapping whose keys are not fixed; duplicates reported; null when not a mapping. */
    List<Pair> pairs(Node n, String what) {
        if (!(n instanceof MappingNode m)) {
            error(ExerciseCodes.BAD_VALUE, n, what + " must be a mapping (field: value lines), not " + kind(n));
            return null;
        }
        List<Pair> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k) || isNull(k)) {
                error(ExerciseCodes.BAD_VALUE, t.getKeyNode(), "a key of " + what + " must be a field name");
            } else if (!seen.add(k.getValue())) {
                error(ExerciseCodes.DUPLICATE_KEY, k, "'" + k.getValue() + "' appears twice in " + what + "; keep one");
            } else {
                out.add(new Pair(k.getValue(), k, t.getValueNode()));
            }
        }
        return out;
    }

    /** A non-empty scalar's text, or null (reported) when the node is missing, null, empty or not a scalar. */
    String text(Node n, String what) {
        if (n == null) return null;
        if (n instanceof ScalarNode s && !isNull(s) && !s.getValue().isBlank()) return s.getValue();
        error(ExerciseCodes.BAD_VALUE, n, what + " must be a non-empty text, not " + kind(n));
        return null;
    }

    /** A sequence's items, or null (reported) when the node is not a sequence. */
    List<Node> sequence(Node n, String what) {
        if (n == null) return null;
        if (n instanceof SequenceNode s) return s.getValue();
        error(ExerciseCodes.BAD_VALUE, n, what + " must be a list (lines starting with '- '), not " + kind(n));
        return null;
    }

    /** {@code {en: ..., ru: ...}}: both required; a missing one is {@link ExerciseCodes#MISSING_TRANSLATION}. */
    Translated translated(Node n, String what) {
        if (n == null) return null;
        Entries e = mapping(n, what, LANGS, Set.of());
        if (e == null) return null;
        String en = null, ru = null;
        if (e.has("en")) en = text(e.get("en"), what + ".en");
        else error(ExerciseCodes.MISSING_TRANSLATION, n, what + " has no English text (en)");
        if (e.has("ru")) ru = text(e.get("ru"), what + ".ru");
        else error(ExerciseCodes.MISSING_TRANSLATION, n, what + " has no Russian text (ru)");
        return en == null || ru == null ? null : new Translated(en.strip(), ru.strip());
    }

    /** {@code {en: [..], ru: [..]}}: the same number of texts in both languages, paired in order. */
    List<Translated> translatedList(Node n, String what) {
        if (n == null) return List.of();
        Entries e = mapping(n, what, LANGS, Set.of());
        if (e == null) return List.of();
        List<String> en = textList(e.get("en"), what + ".en");
        List<String> ru = textList(e.get("ru"), what + ".ru");
        if (!e.has("en")) error(ExerciseCodes.MISSING_TRANSLATION, n, what + " has no English texts (en)");
        if (!e.has("ru")) error(ExerciseCodes.MISSING_TRANSLATION, n, what + " has no Russian texts (ru)");
        if (en == null || ru == null) return List.of();
        if (en.size() != ru.size()) {
            error(ExerciseCodes.MISSING_TRANSLATION, n, what + " has " + en.size() + " English and " + ru.size()
                    + " Russian texts; each one needs its translation");
            return List.of();
        }
        List<Translated> out = new ArrayList<>();
        for (int i = 0; i < en.size(); i++) out.add(new Translated(en.get(i).strip(), ru.get(i).strip()));
        return out;
    }

    /** A list of non-empty texts (a single text is a list of one). */
    List<String> textList(Node n, String what) {
        if (n == null) return null;
        if (n instanceof ScalarNode) {
            String t = text(n, what);
            return t == null ? null : List.of(t);
        }
        List<Node> items = sequence(n, what);
        if (items == null) return null;
        List<String> out = new ArrayList<>();
        boolean ok = true;
        for (Node i : items) {
            String t = text(i, "an item of " + what);
            if (t == null) ok = false;
            else out.add(t);
        }
        return ok ? out : null;
    }

    private static final Set<String> LANGS = new java.util.LinkedHashSet<>(List.of("en", "ru"));

    static boolean isNull(ScalarNode s) {
        return s.getTag().getValue().equals("tag:yaml.org,2002:null");
    }

    static String kind(Node n) {
        if (n == null) return "nothing";
        if (n instanceof ScalarNode s) return isNull(s) ? "an empty value" : "the text '" + abbreviate(s.getValue()) + "'";
        if (n instanceof SequenceNode) return "a list";
        return "a mapping";
    }

    private static String abbreviate(String s) {
        String one = s.replace('\n', ' ');
        return one.length() > 40 ? one.substring(0, 37) + "..." : one;
    }

    /** Keys in the order given, for messages. */
    static Set<String> keys(String... names) {
        return new java.util.LinkedHashSet<>(List.of(names));
    }
}
