package dev.falconet.rules.load;

import dev.falconet.rules.Priority;
import dev.falconet.rules.load.Item.ExceptionSpec;
import dev.falconet.rules.load.Item.ExceptionValue;
import dev.falconet.rules.load.Item.RuleUpdate.Mode;
import dev.falconet.rules.load.YamlNode.Entry;
import dev.falconet.rules.load.YamlNode.Mapping;
import dev.falconet.rules.load.YamlNode.Scalar;
import dev.falconet.rules.load.YamlNode.Sequence;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Stage 2 of loading: the YAML documents of one file to {@link Item}s, with Falco's checks and messages
 * (rule_loader reader). A broken item gives a diagnostic and is skipped; the other items still load.
 * Unknown keys and unknown top-level items are warnings with a "did you mean" suggestion.
 */
final class ItemReader {
    static final List<String> ITEM_KINDS = List.of("required_engine_version", "required_plugin_versions", "list", "macro", "rule");
    static final Set<String> LIST_KEYS = Set.of("list", "items", "append", "override");
    static final Set<String> MACRO_KEYS = Set.of("macro", "condition", "append", "override");
    static final Set<String> RULE_KEYS = Set.of("rule", "condition", "output", "desc", "priority", "source", "enabled",
            "tags", "exceptions", "capture", "capture_duration", "warn_evttypes", "skip-if-unknown-filter", "append",
            "override");
    static final Set<String> EXCEPTION_KEYS = Set.of("name", "fields", "comps", "values");
    static final Set<String> PLUGIN_KEYS = Set.of("name", "version", "alternatives");

    /** Rule keys that {@code override} may append to, and may replace (Falco's sets, in Falco's order). */
    static final List<String> RULE_APPENDABLE = List.of("condition", "output", "desc", "tags", "exceptions");
    static final List<String> RULE_REPLACEABLE = List.of("condition", "output", "desc", "priority", "tags",
            "exceptions", "enabled", "capture", "capture_duration", "warn_evttypes", "skip-if-unknown-filter");

    static final String RGX_IDENTIFIER = "([a-zA-Z]+[a-zA-Z0-9_]*)";
    static final String RGX_BARESTR = "([^()\"'[:space:]=,]+)";
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z]+[a-zA-Z0-9_]*");
    private static final Pattern BARESTR = Pattern.compile("[^()\"'\\s=,]+");

    static final String WARNING_APPEND = "'append' key is deprecated. Add an 'append' entry (e.g. 'condition: append') under 'override' instead.";
    static final String WARNING_ENABLED = "The standalone 'enabled' key usage is deprecated. The correct approach requires also a 'replace' entry under the 'override' key (i.e. 'enabled: replace').";
    static final String ERROR_OVERRIDE_APPEND = "Keys 'override' and 'append: true' cannot be used together. Add an 'append' entry (e.g. 'condition: append') under 'override' instead.";

    /** Deepest nesting read inside exception values (a tuple of lists needs three). */
    private static final int MAX_EXCEPTION_DEPTH = 8;

    /** A decoding error: stops the current item. */
    private static final class ItemError extends Exception {
        final SourceSpan at;

        ItemError(String message, SourceSpan at) {
            super(message, null, false, false);
            this.at = at;
        }
    }

    private final SourceFile file;
    private final DiagnosticSink sink;
    private String label = "";

    ItemReader(SourceFile file, DiagnosticSink sink) {
        this.file = file;
        this.sink = sink;
    }

    /** Reads every document of the file. */
    List<Item> read(List<YamlNode> documents) {
        List<Item> out = new ArrayList<>();
        for (YamlNode doc : documents) {
            if (doc == null || YamlNode.isNull(doc)) continue;
            if (doc instanceof Scalar) {
                sink.error(LoadCodes.YAML_VALIDATE, file.span(doc), "", "Rules content is not yaml");
                continue;
            }
            if (doc instanceof Mapping) {
                sink.error(LoadCodes.YAML_VALIDATE, file.span(doc), "", "Rules content is not yaml array of objects");
                continue;
            }
            for (YamlNode item : ((Sequence) doc).items()) {
                if (YamlNode.isNull(item)) continue;
                label = "";
                try {
                    readItem(item, out);
                } catch (ItemError e) {
                    sink.error(LoadCodes.YAML_VALIDATE, e.at, label, e.getMessage());
                }
            }
        }
        return out;
    }

    private void readItem(YamlNode node, List<Item> out) throws ItemError {
        if (!(node instanceof Mapping item)) {
            throw new ItemError("Unexpected element type. Each element should be a yaml associative array.", file.span(node));
        }
        checkDuplicateKeys(item);
        SourceSpan at = file.span(item);
        if (item.has("required_engine_version")) {
            label = "required_engine_version";
            warnUnknownKeys(item, Set.of("required_engine_version"));
            out.add(readEngineVersion(item, at));
        } else if (item.has("required_plugin_versions")) {
            label = "required_plugin_versions";
            warnUnknownKeys(item, Set.of("required_plugin_versions"));
            readPluginVersions(item, out);
        } else if (item.has("list")) {
            label = "list";
            out.add(readList(item, at));
        } else if (item.has("macro")) {
            label = "macro";
            out.add(readMacro(item, at));
        } else if (item.has("rule")) {
            label = "rule";
            readRule(item, at, out);
        } else {
            String hint = "";
            for (Entry e : item.entries()) {
                hint = KeySuggester.didYouMean(e.key(), ITEM_KINDS);
                if (!hint.isEmpty()) break;
            }
            sink.warning(LoadCodes.UNKNOWN_ITEM, at, "", "Unknown top level item" + (hint.isEmpty() ? "" : "." + hint));
        }
    }

    // ---- required_engine_version / required_plugin_versions

    private Item readEngineVersion(Mapping item, SourceSpan at) throws ItemError {
        Scalar v = scalar(item, "required_engine_version", false, at);
        Long n = parseUnsigned(v.value());
        if (n != null && n <= 0xFFFF_FFFFL) return new Item.EngineRequirement(new SemVer(0, n, 0), at);
        SemVer sv = SemVer.parse(v.value());
        if (sv == null) {
            throw new ItemError("Unable to parse engine version '" + v.value()
                    + "' as a semver string. Expected \"x.y.z\" semver format.", at);
        }
        return new Item.EngineRequirement(sv, at);
    }

    private void readPluginVersions(Mapping item, List<Item> out) throws ItemError {
        YamlNode reqs = item.get("required_plugin_versions");
        SourceSpan ctx = file.span(reqs);
        if (!(reqs instanceof Sequence seq)) throw new ItemError("Value of required_plugin_versions must be a sequence", ctx);
        for (YamlNode p : seq.items()) {
            if (!(p instanceof Mapping pm)) throw new ItemError("Plugin version must be a mapping", file.span(p));
            checkDuplicateKeys(pm);
            warnUnknownKeys(pm, PLUGIN_KEYS);
            SourceSpan pat = file.span(pm);
            List<Item.PluginVersion> alts = new ArrayList<>();
            alts.add(new Item.PluginVersion(string(pm, "name", false, pat), string(pm, "version", false, pat)));
            YamlNode alternatives = pm.get("alternatives");
            if (alternatives != null) {
                if (!(alternatives instanceof Sequence as)) {
                    throw new ItemError("Value of plugin version alternatives must be a sequence", pat);
                }
                for (YamlNode a : as.items()) {
                    if (!(a instanceof Mapping am)) throw new ItemError("Plugin version alternative must be a mapping", file.span(a));
                    checkDuplicateKeys(am);
                    warnUnknownKeys(am, Set.of("name", "version"));
                    SourceSpan aat = file.span(am);
                    alts.add(new Item.PluginVersion(string(am, "name", false, aat), string(am, "version", false, aat)));
                }
            }
            out.add(new Item.PluginRequirement(List.copyOf(alts), pat));
        }
    }

    // ---- list / macro

    private Item readList(Mapping item, SourceSpan at) throws ItemError {
        String name = string(item, "list", false, at);
        label = "list '" + name + "'";
        warnUnknownKeys(item, LIST_KEYS);
        if (!BARESTR.matcher(name).matches()) {
            sink.warning(LoadCodes.INVALID_LIST_NAME, at, label,
                    "List has an invalid name. List names should match a regular expression: " + RGX_BARESTR);
        }
        List<String> items = stringSeq(item, "items", false, at);
        boolean append = bool(item, "append", at, false);
        if (append) sink.warning(LoadCodes.DEPRECATED_ITEM, at, label, WARNING_APPEND);
        Overrides ov = overrides(item, Set.of("items"), Set.of("items"), at);
        if (append && ov.any()) throw new ItemError(ERROR_OVERRIDE_APPEND, at);
        append |= ov.append.contains("items");
        return new Item.ListDef(name, List.copyOf(items), append, at);
    }

    private Item readMacro(Mapping item, SourceSpan at) throws ItemError {
        String name = string(item, "macro", false, at);
        label = "macro '" + name + "'";
        warnUnknownKeys(item, MACRO_KEYS);
        if (!IDENTIFIER.matcher(name).matches()) {
            sink.warning(LoadCodes.INVALID_MACRO_NAME, at, label,
                    "Macro has an invalid name. Macro names should match a regular expression: " + RGX_IDENTIFIER);
        }
        Scalar cond = scalar(item, "condition", false, at);
        boolean append = bool(item, "append", at, false);
        if (append) sink.warning(LoadCodes.DEPRECATED_ITEM, at, label, WARNING_APPEND);
        Overrides ov = overrides(item, Set.of("condition"), Set.of("condition"), at);
        if (append && ov.any()) throw new ItemError(ERROR_OVERRIDE_APPEND, at);
        append |= ov.append.contains("condition");
        return new Item.MacroDef(name, TracedText.of(file, cond), append, at, file.span(cond));
    }

    // ---- rule

    private void readRule(Mapping item, SourceSpan at, List<Item> out) throws ItemError {
        String name = string(item, "rule", false, at);
        label = "rule '" + name + "'";
        warnUnknownKeys(item, RULE_KEYS);
        boolean appendFlag = bool(item, "append", at, false);
        if (appendFlag) sink.warning(LoadCodes.DEPRECATED_ITEM, at, label, WARNING_APPEND);
        Overrides ov = overrides(item, Set.copyOf(RULE_APPENDABLE), Set.copyOf(RULE_REPLACEABLE), at);
        if (appendFlag && ov.any()) throw new ItemError(ERROR_OVERRIDE_APPEND, at);

        if (ov.any()) {
            Set<String> expected = new LinkedHashSet<>();
            for (String k : RULE_APPENDABLE) if (item.has(k)) expected.add(k);
            for (String k : RULE_REPLACEABLE) if (item.has(k)) expected.add(k);
            List<Item> updates = new ArrayList<>();
            if (!ov.append.isEmpty()) updates.add(ruleUpdate(item, name, Mode.APPEND, ov.append, expected, at));
            if (!ov.replace.isEmpty()) updates.add(ruleUpdate(item, name, Mode.REPLACE, ov.replace, expected, at));
            for (String k : expected) {
                throw new ItemError("Unexpected key '" + k + "': no corresponding entry under 'override' is defined.",
                        file.span(item.get(k)));
            }
            out.addAll(updates);
            return;
        }
        if (appendFlag) {
            TracedText cond = null;
            if (item.has("condition")) cond = TracedText.of(file, scalar(item, "condition", false, at));
            List<ExceptionSpec> exceptions = item.has("exceptions") ? exceptions(item, at, true) : null;
            out.add(new Item.RuleUpdate(name, Mode.APPEND, cond, null, null, null, exceptions, null, null, null, null,
                    null, null, at));
            return;
        }
        if (!item.has("condition") && !item.has("output") && !item.has("desc") && !item.has("priority")) {
            boolean enabled = bool(item, "enabled", at, null);
            sink.warning(LoadCodes.DEPRECATED_ITEM, at, label, WARNING_ENABLED);
            out.add(new Item.RuleEnable(name, enabled, at));
            return;
        }
        List<String> missing = new ArrayList<>();
        for (String k : List.of("condition", "output", "desc", "priority")) if (!item.has(k)) missing.add(k);
        if (!missing.isEmpty()) {
            // Falco names the first missing key only; naming all of them saves a round trip
            for (String k : missing) sink.error(LoadCodes.YAML_VALIDATE, at, label, "Item has no mapping for key '" + k + "'");
            return;
        }
        Scalar cond = scalar(item, "condition", false, at);
        Scalar output = scalar(item, "output", false, at);
        String desc = string(item, "desc", false, at);
        Scalar prio = scalar(item, "priority", false, at);
        Priority priority = Priority.parse(prio.value()).orElseThrow(() -> new ItemError("Invalid priority", file.span(prio)));
        String source = item.has("source") ? string(item, "source", true, at) : "syscall";
        boolean enabled = bool(item, "enabled", at, true);
        boolean warnEvttypes = bool(item, "warn_evttypes", at, true);
        boolean skip = bool(item, "skip-if-unknown-filter", at, false);
        boolean capture = bool(item, "capture", at, false);
        long captureDuration = item.has("capture_duration") ? unsigned(item, "capture_duration", at) : 0;
        Set<String> tags = item.has("tags") ? tags(item, at) : Set.of();
        List<ExceptionSpec> exceptions = exceptions(item, at, false);
        out.add(new Item.RuleDef(name, TracedText.of(file, cond), output.value().strip(), desc, priority, source,
                enabled, tags, exceptions, capture, captureDuration, warnEvttypes, skip, at, file.span(cond),
                file.span(output)));
    }

    private Item.RuleUpdate ruleUpdate(Mapping item, String name, Mode mode, Set<String> keys, Set<String> expected,
                                       SourceSpan at) throws ItemError {
        String op = mode == Mode.APPEND ? "append" : "replace";
        List<String> order = mode == Mode.APPEND ? RULE_APPENDABLE : RULE_REPLACEABLE;
        TracedText cond = null;
        String output = null, desc = null;
        Set<String> tags = null;
        List<ExceptionSpec> exceptions = null;
        Priority priority = null;
        Boolean enabled = null, capture = null, warn = null, skip = null;
        Long duration = null;
        for (String k : order) {
            if (!keys.contains(k)) continue;
            if (!expected.contains(k)) {
                throw new ItemError("An " + op + " override for '" + k + "' was specified but '" + k + "' is not defined", at);
            }
            expected.remove(k);
            switch (k) {
                case "condition" -> cond = TracedText.of(file, scalar(item, k, false, at));
                case "output" -> output = string(item, k, false, at);
                case "desc" -> desc = string(item, k, false, at);
                case "tags" -> tags = tags(item, at);
                case "exceptions" -> exceptions = exceptions(item, at, mode == Mode.APPEND);
                case "priority" -> {
                    Scalar p = scalar(item, k, false, at);
                    priority = Priority.parse(p.value()).orElseThrow(() -> new ItemError("Invalid priority", file.span(p)));
                }
                case "enabled" -> enabled = bool(item, k, at, null);
                case "capture" -> capture = bool(item, k, at, null);
                case "capture_duration" -> duration = unsigned(item, k, at);
                case "warn_evttypes" -> warn = bool(item, k, at, null);
                case "skip-if-unknown-filter" -> skip = bool(item, k, at, null);
                default -> throw new IllegalStateException(k);
            }
        }
        return new Item.RuleUpdate(name, mode, cond, output, desc, tags, exceptions, priority, enabled, capture,
                duration, warn, skip, at);
    }

    private Set<String> tags(Mapping item, SourceSpan at) throws ItemError {
        return new TreeSet<>(stringSeq(item, "tags", true, at));
    }

    // ---- exceptions

    private List<ExceptionSpec> exceptions(Mapping item, SourceSpan parent, boolean append) throws ItemError {
        YamlNode exs = item.get("exceptions");
        if (exs == null || YamlNode.isNull(exs)) return List.of();
        if (!(exs instanceof Sequence seq)) throw new ItemError("Rule exceptions must be a sequence", file.span(exs));
        List<ExceptionSpec> out = new ArrayList<>();
        for (YamlNode ex : seq.items()) {
            if (!(ex instanceof Mapping em)) throw new ItemError("Rule exception must be a mapping", file.span(ex));
            checkDuplicateKeys(em);
            warnUnknownKeys(em, EXCEPTION_KEYS);
            SourceSpan exAt = file.span(em);
            String name = string(em, "name", false, exAt);
            for (ExceptionSpec prev : out) {
                if (prev.name().equals(name)) {
                    sink.warning(LoadCodes.EXCEPTION_NAME_NOT_UNIQUE, exAt, label,
                            "Multiple definitions of exception '" + name + "' in the same rule");
                }
            }
            ExceptionValue fields = exceptionEntry(em, "fields", !append, exAt);
            ExceptionValue comps = exceptionEntry(em, "comps", false, exAt);
            List<ExceptionValue> values = new ArrayList<>();
            YamlNode vals = em.get("values");
            if (vals != null) {
                if (!(vals instanceof Sequence vs)) throw new ItemError("Rule exception values must be a sequence", file.span(vals));
                for (YamlNode v : vs.items()) values.add(exceptionValue(v, 1));
            } else if (append) {
                sink.warning(LoadCodes.APPEND_NO_VALUES, exAt, label, "Overriding/appending exception with no values");
            }
            out.add(new ExceptionSpec(name, fields, comps, List.copyOf(values), exAt));
        }
        return List.copyOf(out);
    }

    private ExceptionValue exceptionEntry(Mapping em, String key, boolean required, SourceSpan exAt) throws ItemError {
        YamlNode v = em.get(key);
        if (v == null) {
            if (required) throw new ItemError("Item has no mapping for key '" + key + "'", exAt);
            return null;
        }
        return exceptionValue(v, 1);
    }

    /** Falco's decode of one exception entry: scalar, list (recursively), anything else an empty scalar. */
    private ExceptionValue exceptionValue(YamlNode v, int depth) throws ItemError {
        if (v instanceof Scalar s && !s.isNull()) {
            if (s.value().isEmpty()) throw new ItemError("Value must be non-empty", file.span(s));
            return ExceptionValue.scalar(s.value());
        }
        if (v instanceof Sequence seq) {
            if (depth > MAX_EXCEPTION_DEPTH) throw new ItemError("Exception values are nested too deeply", file.span(seq));
            List<ExceptionValue> items = new ArrayList<>();
            for (YamlNode c : seq.items()) items.add(exceptionValue(c, depth + 1));
            return ExceptionValue.list(items);
        }
        return ExceptionValue.scalar("");
    }

    // ---- override

    private record Overrides(Set<String> append, Set<String> replace) {
        boolean any() {
            return !append.isEmpty() || !replace.isEmpty();
        }
    }

    private Overrides overrides(Mapping item, Set<String> appendable, Set<String> replaceable, SourceSpan at)
            throws ItemError {
        Set<String> app = new LinkedHashSet<>(), rep = new LinkedHashSet<>();
        YamlNode val = item.get("override");
        if (val == null || YamlNode.isNull(val) || val instanceof Scalar) return new Overrides(app, rep);
        if (!(val instanceof Mapping m)) throw new ItemError("Value of 'override' must be a mapping of key: append|replace", file.span(val));
        checkDuplicateKeys(m);
        Set<String> seen = new HashSet<>();
        for (Entry e : m.entries()) {
            String key = e.key() == null ? "" : e.key();
            if (!seen.add(key)) continue;
            boolean canAppend = appendable.contains(key), canReplace = replaceable.contains(key);
            String operation = e.value() instanceof Scalar s && !s.isNull() ? s.value() : null;
            if ("append".equals(operation)) {
                if (!canAppend) throw new ItemError("Key '" + key + "' cannot be appended to, use 'replace' instead", file.span(e.keyNode()));
                app.add(key);
            } else if ("replace".equals(operation)) {
                if (!canReplace) throw new ItemError("Key '" + key + "' cannot be replaced", file.span(e.keyNode()));
                rep.add(key);
            } else {
                StringBuilder msg = new StringBuilder("Invalid override operation for key '").append(key).append("': '")
                        .append(operation == null ? "" : operation).append("'. Allowed values are: ");
                if (canAppend) msg.append("append ");
                if (canReplace) msg.append("replace ");
                throw new ItemError(msg.toString(), file.span(e.value()));
            }
        }
        return new Overrides(app, rep);
    }

    // ---- scalar decoding with Falco's messages

    private Scalar scalar(Mapping item, String key, boolean optional, SourceSpan ctx) throws ItemError {
        Entry e = item.entry(key);
        if (e == null) {
            if (optional) return null;
            throw new ItemError("Item has no mapping for key '" + key + "'", ctx);
        }
        YamlNode v = e.value();
        if (YamlNode.isNull(v)) throw new ItemError("Mapping for key '" + key + "' is empty", ctx);
        if (!(v instanceof Scalar s)) throw new ItemError("Value is not a scalar value", file.span(v));
        if (s.value().isEmpty()) throw new ItemError("Value must be non-empty", file.span(v));
        return s;
    }

    private String string(Mapping item, String key, boolean optional, SourceSpan ctx) throws ItemError {
        Scalar s = scalar(item, key, optional, ctx);
        return s == null ? null : s.value();
    }

    /** A yaml-cpp boolean; {@code dflt} when absent (null default: the key is required). */
    private Boolean bool(Mapping item, String key, SourceSpan ctx, Boolean dflt) throws ItemError {
        Scalar s = scalar(item, key, dflt != null, ctx);
        if (s == null) return dflt;
        Boolean b = parseBool(s.value());
        if (b == null) throw new ItemError("Can't decode YAML scalar value", file.span(s));
        return b;
    }

    private long unsigned(Mapping item, String key, SourceSpan ctx) throws ItemError {
        Scalar s = scalar(item, key, false, ctx);
        Long n = parseUnsigned(s.value());
        if (n == null) throw new ItemError("Can't decode YAML scalar value", file.span(s));
        return n;
    }

    private List<String> stringSeq(Mapping item, String key, boolean optional, SourceSpan ctx) throws ItemError {
        YamlNode v = item.get(key);
        if (v == null) {
            if (optional) return List.of();
            throw new ItemError("Item has no mapping for key '" + key + "'", ctx);
        }
        if (!(v instanceof Sequence seq)) throw new ItemError("Value is not a sequence", file.span(v));
        List<String> out = new ArrayList<>(seq.items().size());
        for (YamlNode n : seq.items()) {
            if (!(n instanceof Scalar s) || s.isNull()) throw new ItemError("sequence value is not scalar", file.span(n));
            out.add(s.value());
        }
        return out;
    }

    /** yaml-cpp's boolean spellings: y/yes/true/on and n/no/false/off, in lower, UPPER or Capitalised case. */
    static Boolean parseBool(String v) {
        for (String[] pair : new String[][] {{"y", "n"}, {"yes", "no"}, {"true", "false"}, {"on", "off"}}) {
            for (int i = 0; i < 2; i++) {
                String w = pair[i];
                String cap = Character.toUpperCase(w.charAt(0)) + w.substring(1);
                if (v.equals(w) || v.equals(w.toUpperCase(java.util.Locale.ROOT)) || v.equals(cap)) return i == 0;
            }
        }
        return null;
    }

    /** An unsigned integer as C++ streams read it with base detection: decimal, 0x hex, leading-0 octal. */
    static Long parseUnsigned(String v) {
        String t = v.strip();
        if (t.startsWith("+")) t = t.substring(1);
        if (t.isEmpty() || t.length() > 24) return null;
        int radix = 10;
        if (t.length() > 2 && (t.startsWith("0x") || t.startsWith("0X"))) {
            radix = 16;
            t = t.substring(2);
        } else if (t.length() > 1 && t.startsWith("0")) {
            radix = 8;
            t = t.substring(1);
        }
        for (int i = 0; i < t.length(); i++) if (Character.digit(t.charAt(i), radix) < 0) return null;
        try {
            long n = Long.parseLong(t, radix);
            return n < 0 ? null : n;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    // ---- key checks

    private void warnUnknownKeys(Mapping m, Set<String> allowed) {
        for (Entry e : m.entries()) {
            String k = e.key();
            if (k != null && allowed.contains(k)) continue;
            String shown = k == null ? "(a non-scalar key)" : k;
            sink.warning(LoadCodes.UNKNOWN_KEY, file.span(e.keyNode()), label,
                    "Unknown key '" + shown + "'. The key will be ignored." + KeySuggester.didYouMean(k, new TreeSet<>(allowed)));
        }
    }

    private void checkDuplicateKeys(Mapping m) {
        if (m.entries().size() < 2) return;
        Set<String> seen = new HashSet<>();
        for (Entry e : m.entries()) {
            if (e.key() != null && !seen.add(e.key())) {
                sink.warning(LoadCodes.DUPLICATE_KEY, file.span(e.keyNode()), label,
                        "Duplicate key '" + e.key() + "': the first value is used, this one is ignored");
            }
        }
    }
}
