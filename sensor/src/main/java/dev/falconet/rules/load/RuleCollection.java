package dev.falconet.rules.load;

import dev.falconet.rules.Priority;
import dev.falconet.rules.load.Item.ExceptionSpec;
import dev.falconet.rules.load.Item.ExceptionValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Stage 3 of loading: the items of all files merged into one collection, with Falco's semantics (rule_loader
 * collector). One counter numbers every list, macro and rule definition, append and override across files.
 * A redefinition replaces the earlier one in place: it keeps the original {@code index} (evaluation order),
 * while {@code visibility} moves to the new position (which macros and lists it may see).
 */
final class RuleCollection {
    static final String SYSCALL = "syscall";
    static final String ERROR_NO_PREVIOUS_MACRO = "Macro uses 'append' or 'override.condition: append' but no macro by that name already exists";
    static final String ERROR_NO_PREVIOUS_LIST = "List uses 'append' or 'override.items: append' but no list by that name already exists";
    static final String ERROR_NO_PREVIOUS_RULE_APPEND = "Rule uses 'append' or 'override.<key>: append' but no rule by that name already exists";
    static final String ERROR_NO_PREVIOUS_RULE_REPLACE = "An 'override.<key>: replace' to a rule was requested but no rule by that name already exists";

    static final Set<String> OPERATORS = Set.of("=", "==", "!=", "<", "<=", ">", ">=", "contains", "icontains",
            "bcontains", "startswith", "bstartswith", "endswith", "glob", "iglob", "regex", "exists", "in",
            "intersects", "pmatch");
    static final Set<String> LIST_OPERATORS = Set.of("in", "intersects", "pmatch");
    private static final Set<String> MODIFIERS = Set.of("oneof", "anyof", "allof");
    private static final Set<String> STRING_OPERATORS = Set.of("=", "==", "!=", "contains", "icontains",
            "bcontains", "startswith", "bstartswith", "endswith", "glob", "iglob", "regex");

    static final class ListState {
        final String name;
        final List<String> items = new ArrayList<>();
        int index, visibility;
        SourceSpan at;

        ListState(String name) {
            this.name = name;
        }
    }

    static final class MacroState {
        final String name;
        AppendableText condition;
        int index, visibility;
        SourceSpan at, conditionAt;

        MacroState(String name) {
            this.name = name;
        }
    }

    static final class RuleState {
        final String name;
        AppendableText condition;
        final StringBuilder output = new StringBuilder(), desc = new StringBuilder();
        String source;
        Priority priority;
        boolean enabled, capture, warnEvttypes, skipIfUnknownFilter, unknownSource;
        long captureDuration;
        Set<String> tags;
        /** Exceptions in order; their {@code values} lists are owned here and grow with appends. */
        final List<ExceptionSpec> exceptions = new ArrayList<>();
        int index, visibility;
        SourceSpan at, conditionAt, outputAt;

        RuleState(String name) {
            this.name = name;
        }
    }

    private final Map<String, ListState> lists = new LinkedHashMap<>();
    private final Map<String, MacroState> macros = new LinkedHashMap<>();
    private final Map<String, RuleState> rules = new LinkedHashMap<>();
    private final List<Item.PluginRequirement> pluginRequirements = new ArrayList<>();
    private final Set<String> knownSources;
    private final Predicate<String> fieldExists;
    private SemVer requiredEngineVersion;
    private int curIndex;

    /**
     * @param knownSources event sources whose rules are compiled ({@code syscall} for us)
     * @param fieldExists  tells whether an exception field exists; null skips that check
     */
    RuleCollection(Set<String> knownSources, Predicate<String> fieldExists) {
        this.knownSources = Set.copyOf(knownSources);
        this.fieldExists = fieldExists;
    }

    /** Lists, macros and rules in index order (redefinitions keep their first position). */
    Iterable<ListState> lists() {
        return lists.values();
    }

    Iterable<MacroState> macros() {
        return macros.values();
    }

    Iterable<RuleState> rules() {
        return rules.values();
    }

    ListState list(String name) {
        return lists.get(name);
    }

    MacroState macro(String name) {
        return macros.get(name);
    }

    SemVer requiredEngineVersion() {
        return requiredEngineVersion;
    }

    List<Item.PluginRequirement> pluginRequirements() {
        return List.copyOf(pluginRequirements);
    }

    /** A merge error: the item is not applied. */
    private static final class MergeError extends Exception {
        final SourceSpan at;

        MergeError(String message, SourceSpan at) {
            super(message, null, false, false);
            this.at = at;
        }
    }

    /** Merges one item; an error leaves the collection as it was. */
    void apply(Item item, DiagnosticSink sink) {
        try {
            switch (item) {
                case Item.EngineRequirement r -> requireEngine(r);
                case Item.PluginRequirement r -> requirePlugin(r);
                case Item.ListDef l -> list(l);
                case Item.MacroDef m -> macro(m);
                case Item.RuleDef r -> defineRule(r, sink);
                case Item.RuleUpdate u -> updateRule(u);
                case Item.RuleEnable e -> enableRule(e);
            }
        } catch (MergeError e) {
            sink.error(LoadCodes.VALIDATE, e.at, item.label(), e.getMessage());
        }
    }

    private void requireEngine(Item.EngineRequirement r) throws MergeError {
        SemVer engine = EngineInfo.engineVersion();
        if (!engine.compatibleWith(r.version())) {
            throw new MergeError("Rules require engine version " + r.version() + ", but engine version is " + engine, r.at());
        }
        if (requiredEngineVersion == null || requiredEngineVersion.compareTo(r.version()) < 0) requiredEngineVersion = r.version();
    }

    private void requirePlugin(Item.PluginRequirement r) throws MergeError {
        Set<String> names = new HashSet<>();
        for (Item.PluginVersion v : r.alternatives()) {
            if (SemVer.parse(v.version()) == null) {
                throw new MergeError("Invalid required version '" + v.version() + "' for plugin '" + v.name() + "'", r.at());
            }
            if (!names.add(v.name())) {
                throw new MergeError("Defined multiple alternative version requirements for plugin '" + v.name() + "'", r.at());
            }
        }
        pluginRequirements.add(r);
    }

    private void list(Item.ListDef l) throws MergeError {
        ListState prev = lists.get(l.name());
        if (l.append()) {
            if (prev == null) throw new MergeError(ERROR_NO_PREVIOUS_LIST, l.at());
            prev.items.addAll(l.items());
            prev.visibility = curIndex++;
            return;
        }
        ListState s = new ListState(l.name());
        s.items.addAll(l.items());
        s.at = l.at();
        define(lists, prev, s, l.name());
    }

    private void macro(Item.MacroDef m) throws MergeError {
        MacroState prev = macros.get(m.name());
        if (m.append()) {
            if (prev == null) throw new MergeError(ERROR_NO_PREVIOUS_MACRO, m.at());
            prev.condition.append(m.conditionAt(), m.condition());
            prev.visibility = curIndex++;
            return;
        }
        MacroState s = new MacroState(m.name());
        s.condition = new AppendableText(m.condition());
        s.at = m.at();
        s.conditionAt = m.conditionAt();
        define(macros, prev, s, m.name());
    }

    /** Falco's define_info: a redefinition takes the old index, a new name the next one. */
    private <T> void define(Map<String, T> map, T prev, T next, String name) {
        int id = curIndex++;
        int index = prev == null ? id : indexOf(prev);
        setIndex(next, index, id);
        map.put(name, next);
    }

    private static int indexOf(Object s) {
        return switch (s) {
            case ListState l -> l.index;
            case MacroState m -> m.index;
            case RuleState r -> r.index;
            default -> throw new IllegalArgumentException();
        };
    }

    private static void setIndex(Object s, int index, int visibility) {
        switch (s) {
            case ListState l -> { l.index = index; l.visibility = visibility; }
            case MacroState m -> { m.index = index; m.visibility = visibility; }
            case RuleState r -> { r.index = index; r.visibility = visibility; }
            default -> throw new IllegalArgumentException();
        }
    }

    private void defineRule(Item.RuleDef r, DiagnosticSink sink) throws MergeError {
        RuleState prev = rules.get(r.name());
        if (prev != null && !prev.source.equals(r.source())) {
            throw new MergeError("Rule has been re-defined with a different source", r.at());
        }
        boolean unknownSource = !knownSources.contains(r.source());
        List<ExceptionSpec> exceptions = new ArrayList<>();
        for (ExceptionSpec ex : r.exceptions()) {
            if (ex.fields() == null || !ex.fields().isValid()) {
                throw new MergeError("Rule exception item must have fields property with a list of fields", ex.at());
            }
            exceptions.add(owned(validateException(ex, !unknownSource)));
        }
        if (unknownSource) {
            sink.warning(LoadCodes.UNKNOWN_SOURCE, r.at(), r.label(), "Unknown source " + r.source() + ", skipping");
        }
        RuleState s = new RuleState(r.name());
        s.condition = new AppendableText(r.condition());
        s.output.append(r.output());
        s.desc.append(r.desc());
        s.source = r.source();
        s.priority = r.priority();
        s.enabled = r.enabled();
        s.capture = r.capture();
        s.captureDuration = r.captureDuration();
        s.warnEvttypes = r.warnEvttypes();
        s.skipIfUnknownFilter = r.skipIfUnknownFilter();
        s.unknownSource = unknownSource;
        s.tags = new TreeSet<>(r.tags());
        s.exceptions.addAll(exceptions);
        s.at = r.at();
        s.conditionAt = r.conditionAt();
        s.outputAt = r.outputAt();
        define(rules, prev, s, r.name());
    }

    private void updateRule(Item.RuleUpdate u) throws MergeError {
        RuleState prev = rules.get(u.name());
        boolean append = u.mode() == Item.RuleUpdate.Mode.APPEND;
        if (prev == null) throw new MergeError(append ? ERROR_NO_PREVIOUS_RULE_APPEND : ERROR_NO_PREVIOUS_RULE_REPLACE, u.at());
        if (!u.hasAnyValue()) {
            throw new MergeError(append ? "Appended rule must have exceptions or condition property"
                    : "The rule must have at least one field that can be replaced", u.at());
        }
        boolean checkFields = !prev.unknownSource;
        if (append) {
            // check every exception first, so that an error leaves the rule unchanged
            List<ExceptionSpec> added = new ArrayList<>();
            List<Runnable> valueAppends = new ArrayList<>();
            if (u.exceptions() != null) {
                for (ExceptionSpec ex : u.exceptions()) {
                    ExceptionSpec existing = null;
                    for (ExceptionSpec e : prev.exceptions) if (e.name().equals(ex.name())) existing = e;
                    for (ExceptionSpec e : added) if (e.name().equals(ex.name())) existing = e;
                    if (existing == null) {
                        if (ex.fields() == null || !ex.fields().isValid()) {
                            throw new MergeError("Rule exception must have fields property with a list of fields", ex.at());
                        }
                        if (ex.values().isEmpty()) {
                            throw new MergeError("Rule exception must have values property with a list of values", ex.at());
                        }
                        added.add(owned(validateException(ex, checkFields)));
                    } else {
                        if (ex.fields() != null && ex.fields().isValid()) {
                            throw new MergeError("Can not append exception fields to existing exception, only values", ex.at());
                        }
                        if (ex.comps() != null && ex.comps().isValid()) {
                            throw new MergeError("Can not append exception comps to existing exception, only values", ex.at());
                        }
                        List<ExceptionValue> target = existing.values();
                        valueAppends.add(() -> target.addAll(ex.values()));
                    }
                }
            }
            valueAppends.forEach(Runnable::run);
            prev.exceptions.addAll(added);
            if (u.condition() != null && u.condition().length() > 0) prev.condition.append(u.at(), u.condition());
            if (u.output() != null && !u.output().isEmpty()) prev.output.append(' ').append(u.output());
            if (u.desc() != null && !u.desc().isEmpty()) prev.desc.append(' ').append(u.desc());
            if (u.tags() != null) prev.tags.addAll(u.tags());
        } else {
            // Falco does not check replaced exceptions; we do (the text builder needs valid comps)
            List<ExceptionSpec> exceptions = null;
            if (u.exceptions() != null) {
                exceptions = new ArrayList<>();
                for (ExceptionSpec ex : u.exceptions()) {
                    if (ex.fields() == null || !ex.fields().isValid()) {
                        throw new MergeError("Rule exception item must have fields property with a list of fields", ex.at());
                    }
                    exceptions.add(owned(validateException(ex, checkFields)));
                }
            }
            if (u.condition() != null) prev.condition = new AppendableText(u.condition());
            if (u.output() != null) prev.output.setLength(0);
            if (u.output() != null) prev.output.append(u.output());
            if (u.desc() != null) prev.desc.setLength(0);
            if (u.desc() != null) prev.desc.append(u.desc());
            if (u.tags() != null) prev.tags = new TreeSet<>(u.tags());
            if (exceptions != null) {
                prev.exceptions.clear();
                prev.exceptions.addAll(exceptions);
            }
            if (u.priority() != null) prev.priority = u.priority();
            if (u.enabled() != null) prev.enabled = u.enabled();
            if (u.capture() != null) prev.capture = u.capture();
            if (u.captureDuration() != null) prev.captureDuration = u.captureDuration();
            if (u.warnEvttypes() != null) prev.warnEvttypes = u.warnEvttypes();
            if (u.skipIfUnknownFilter() != null) prev.skipIfUnknownFilter = u.skipIfUnknownFilter();
        }
        prev.visibility = curIndex++;
    }

    private void enableRule(Item.RuleEnable e) throws MergeError {
        RuleState prev = rules.get(e.name());
        if (prev == null) throw new MergeError("Rule has 'enabled' key but no rule by that name already exists", e.at());
        prev.enabled = e.enabled();
    }

    /** Falco's validate_exception_info: default comps, matching lengths, known operators and fields. */
    private ExceptionSpec validateException(ExceptionSpec ex, boolean checkFields) throws MergeError {
        ExceptionValue fields = ex.fields();
        ExceptionValue comps = ex.comps();
        if (fields.isList()) {
            if (comps == null || !comps.isValid()) {
                List<ExceptionValue> eq = new ArrayList<>();
                for (int i = 0; i < fields.items().size(); i++) eq.add(ExceptionValue.scalar("="));
                comps = ExceptionValue.list(eq);
            }
            if (!comps.isList() || fields.items().size() != comps.items().size()) {
                throw new MergeError("Fields and comps lists must have equal length", ex.at());
            }
            List<ExceptionValue> trimmed = new ArrayList<>();
            for (ExceptionValue c : comps.items()) {
                String op = c.isList() ? "" : c.item().strip();
                if (!isOperator(op)) throw new MergeError("'" + op + "' is not a supported comparison operator", ex.at());
                trimmed.add(ExceptionValue.scalar(op));
            }
            comps = ExceptionValue.list(trimmed);
            if (checkFields) {
                for (ExceptionValue f : fields.items()) {
                    if (f.isList() || (fieldExists != null && !fieldExists.test(f.item()))) {
                        throw new MergeError("'" + (f.isList() ? "(list)" : f.item()) + "' is not a supported filter field", ex.at());
                    }
                }
            }
        } else {
            if (comps == null || !comps.isValid()) comps = ExceptionValue.scalar("in");
            if (comps.isList()) throw new MergeError("Fields and comps must both be strings", ex.at());
            String op = comps.item().strip();
            if (!isListOperator(op)) {
                throw new MergeError("When fields is a single value, comps must be one of (in, pmatch, intersects)", ex.at());
            }
            comps = ExceptionValue.scalar(op);
            if (checkFields && fieldExists != null && !fieldExists.test(fields.item())) {
                throw new MergeError("'" + fields.item() + "' is not a supported filter field", ex.at());
            }
        }
        return ex.withComps(comps);
    }

    /** A copy whose values list belongs to the collection (appends add to it in place). */
    private static ExceptionSpec owned(ExceptionSpec ex) {
        return new ExceptionSpec(ex.name(), ex.fields(), ex.comps(), new ArrayList<>(ex.values()), ex.at());
    }

    static boolean isOperator(String op) {
        return OPERATORS.contains(op) || isModifierOperator(op);
    }

    /** Operators whose value is a list: in, intersects, pmatch, and the libs 0.25 modifier forms. */
    static boolean isListOperator(String op) {
        return LIST_OPERATORS.contains(op) || isModifierOperator(op);
    }

    private static boolean isModifierOperator(String op) {
        String[] parts = op.split("\\s+");
        return parts.length == 2 && STRING_OPERATORS.contains(parts[0]) && MODIFIERS.contains(parts[1]);
    }
}
