package dev.falconet.engine;

import dev.falconet.engine.compile.ConditionCompiler;
import dev.falconet.engine.compile.FieldSlots;
import dev.falconet.engine.eval.ConstNode;
import dev.falconet.engine.eval.Frame;
import dev.falconet.engine.eval.Node;
import dev.falconet.engine.compile.OutputFormat;
import dev.falconet.engine.explain.ExplainNode;
import dev.falconet.event.Event;
import dev.falconet.event.EventTypes;
import dev.falconet.fields.FieldRegistry;
import dev.falconet.output.Alert;
import dev.falconet.rules.diag.Diagnostic;
import dev.falconet.rules.diag.Severity;
import dev.falconet.rules.load.LoadResult;
import dev.falconet.rules.load.LoadedRule;
import dev.falconet.rules.load.RulesLoader;
import dev.falconet.rules.load.RulesSource;
import dev.falconet.rules.load.SourceSpan;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The rule engine: compiles loaded rules, indexes them by event type, and evaluates events.
 * Stages: read YAML → merge → resolve (the loader) → compile → index → lint (here).
 *
 * <p>Evaluation is single-threaded per engine instance and allocation-free until a rule matches:
 * an event is tried only against the enabled rules whose event-type set contains its type, in
 * rule order; with {@link RuleMatching#FIRST} the first match wins (Falco's default).
 */
public final class RuleEngine {
    /** A rule to try for one event type, with its condition specialised for that type. */
    private record Candidate(CompiledRule rule, Node condition) {}

    private static final Candidate[] NO_RULES = new Candidate[0];

    private final List<CompiledRule> rules;
    private final Candidate[][] byType;
    private final EngineOptions options;
    private final AlertFactory alerts;
    private final LoadResult loaded;
    /** One frame per evaluating thread: the engine may be shared, frames may not. */
    private final ThreadLocal<Frame> frames;

    private RuleEngine(List<CompiledRule> rules, EngineOptions options, OutputFormat suggested, LoadResult loaded, int slots) {
        this.frames = ThreadLocal.withInitial(() -> new Frame(Math.max(16, slots)));
        this.rules = List.copyOf(rules);
        this.options = options;
        this.alerts = new AlertFactory(options, suggested);
        this.loaded = loaded;
        List<List<Candidate>> index = new ArrayList<>();
        for (int t = 0; t < EventTypes.CAPACITY; t++) index.add(null);
        for (CompiledRule r : rules) {
            if (!r.enabled() || !r.source().equals("syscall")) continue;
            for (int t : r.eventTypes().ids()) {
                Node specialised = r.condition().specialize(t);
                if (specialised == ConstNode.FALSE) continue;
                if (index.get(t) == null) index.set(t, new ArrayList<>());
                index.get(t).add(new Candidate(r, specialised));
            }
        }
        byType = new Candidate[EventTypes.CAPACITY][];
        for (int t = 0; t < EventTypes.CAPACITY; t++) {
            byType[t] = index.get(t) == null ? NO_RULES : index.get(t).toArray(Candidate[]::new);
        }
    }

    /** The result of building an engine: the engine (null when there were errors) and every diagnostic. */
    public record Build(RuleEngine engine, LoadResult loaded, List<Diagnostic> diagnostics) {
        public boolean ok() {
            return engine != null;
        }

        public long errors() {
            return diagnostics.stream().filter(Diagnostic::isError).count();
        }

        public long warnings() {
            return diagnostics.size() - errors();
        }
    }

    /** Loads, compiles and indexes rules files in order. Never throws on bad input. */
    public static Build load(List<RulesSource> sources, EngineOptions options) {
        return build(new RulesLoader(RuleEngine::fieldExists).load(sources), options);
    }

    /** Whether a field as written in an exception ({@code proc.name}, {@code proc.aname[2]}) exists. */
    static boolean fieldExists(String written) {
        String name = written.trim();
        String arg = null;
        int b = name.indexOf('[');
        if (b > 0 && name.endsWith("]")) {
            arg = name.substring(b + 1, name.length() - 1);
            name = name.substring(0, b);
        }
        return FieldRegistry.standard().bind(name, arg, dev.falconet.fields.UseContext.CONDITION).isOk();
    }

    /** Compiles and indexes what the loader produced. Never throws on bad input. */
    public static Build build(LoadResult loaded, EngineOptions options) {
        FieldRegistry registry = FieldRegistry.standard();
        FieldSlots slots = new FieldSlots();
        List<Diagnostic> diags = new ArrayList<>(loaded.diagnostics());
        List<CompiledRule> compiled = new ArrayList<>();
        boolean failed = diags.stream().anyMatch(Diagnostic::isError);
        int index = 0;
        for (LoadedRule r : loaded.rules()) {
            String item = r.label();
            if (r.condition() == null) {
                failed = true;
                continue;
            }
            ConditionCompiler.Result cr = ConditionCompiler.compile(r.condition(), registry, slots, options.resolver());
            boolean skip = false;
            for (ConditionCompiler.Finding f : cr.findings()) {
                SourceSpan at = f.macro() == null ? r.locate(f.pos())
                        : loaded.macro(f.macro()).map(m -> m.locate(f.pos())).orElse(r.location());
                String where = f.macro() == null ? item : "macro '" + f.macro() + "' (used by " + item + ")";
                if (f.error() && r.skipIfUnknownFilter()) {
                    diags.add(new Diagnostic("LOAD_UNKNOWN_FILTER", Severity.WARNING, at.file(), at.line(), at.column(), where,
                            f.message() + " (rule skipped: skip-if-unknown-filter is true)"));
                    skip = true;
                } else {
                    diags.add(new Diagnostic(f.code(), f.error() ? Severity.ERROR : Severity.WARNING, at.file(), at.line(), at.column(), where, f.message()));
                    if (f.error()) failed = true;
                }
            }
            OutputFormat.Result out = OutputFormat.compile(r.output(), registry, options.missingReason());
            SourceSpan outAt = r.outputLocation();
            for (String w : out.warnings()) {
                diags.add(new Diagnostic("LOAD_DEPRECATED_ITEM", Severity.WARNING, outAt.file(), outAt.line(), outAt.column(), item, w));
            }
            if (out.error() != null) {
                if (r.skipIfUnknownFilter()) {
                    diags.add(new Diagnostic("LOAD_UNKNOWN_FILTER", Severity.WARNING, outAt.file(), outAt.line(), outAt.column(), item,
                            out.error() + " (rule skipped: skip-if-unknown-filter is true)"));
                    skip = true;
                } else {
                    diags.add(new Diagnostic("LOAD_ERR_COMPILE_OUTPUT", Severity.ERROR, outAt.file(), outAt.line(), outAt.column(), item, out.error()));
                    failed = true;
                }
            }
            if (skip || cr.node() == null || out.format() == null) continue;
            EventTypeSet types = EventTypeAnalyzer.analyze(r.condition());
            if (r.warnEvttypes() && r.source().equals("syscall") && (types.size() > 100 || types.isEmpty())) {
                diags.add(new Diagnostic("LOAD_NO_EVTTYPE", Severity.WARNING, r.location().file(), r.location().line(), r.location().column(), item,
                        types.isEmpty() ? "Rule matches no event type: its condition can never be true"
                                : "Rule matches too many evt.type values. This has a significant performance penalty; "
                                + "start the condition with an evt.type check (e.g. evt.type in (open, openat))"));
            }
            boolean enabled = r.enabled() && r.priority().atLeast(options.minPriority());
            compiled.add(new CompiledRule(index++, r.name(), r.priority(), r.tags(), r.source(), enabled, cr.node(), types, out.format(), r));
        }
        if (failed) return new Build(null, loaded, Collections.unmodifiableList(diags));
        OutputFormat suggested = null;
        if (!options.suggestedFields().isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (String f : options.suggestedFields()) sb.append(' ').append(f.replace('.', '_')).append("=%").append(f);
            suggested = OutputFormat.compile(sb.toString(), registry, options.missingReason()).format();
        }
        return new Build(new RuleEngine(compiled, options, suggested, loaded, slots.size()), loaded, Collections.unmodifiableList(diags));
    }

    /** Evaluates one event and hands each alert to {@code out}: the first matching rule, or all with {@code ALL}. */
    public int process(Event e, Consumer<Alert> out) {
        Candidate[] candidates = byType[e.type()];
        if (candidates.length == 0) return 0;
        Frame f = frames.get().reset(e);
        int n = 0;
        for (Candidate c : candidates) {
            if (c.condition().eval(f)) {
                out.accept(alerts.create(c.rule(), e));
                n++;
                if (options.ruleMatching() == RuleMatching.FIRST) break;
            }
        }
        return n;
    }

    /** The first enabled rule that matches the event, without building an alert (benchmarks, tests). */
    public CompiledRule firstMatch(Event e) {
        Candidate[] candidates = byType[e.type()];
        if (candidates.length == 0) return null;
        Frame f = frames.get().reset(e);
        for (Candidate c : candidates) if (c.condition().eval(f)) return c.rule();
        return null;
    }

    /** How many rules an event of this type is evaluated against. */
    public int candidates(int eventType) {
        return byType[eventType].length;
    }

    /** The alert this rule gives for this event (whether or not it matches). */
    public Alert alert(CompiledRule rule, Event e) {
        return alerts.create(rule, e);
    }

    /**
     * Explains a rule against an event: whether the rule applies to the event's type, and the
     * evaluation tree with every sub-expression's value and the fields it read.
     */
    public Explanation explain(CompiledRule rule, Event e) {
        boolean applies = rule.eventTypes().contains(e.type());
        ExplainNode tree = rule.condition().explain(Frame.of(e));
        return new Explanation(rule, e, applies, rule.enabled(), tree, applies && rule.enabled() && tree.isTrue());
    }

    /** A rule's explanation for one event. {@code matched} means it would alert. */
    public record Explanation(CompiledRule rule, Event event, boolean appliesToEventType, boolean enabled,
                              ExplainNode tree, boolean matched) {}

    public Optional<CompiledRule> rule(String name) {
        return rules.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    public List<CompiledRule> rules() {
        return rules;
    }

    public EngineOptions options() {
        return options;
    }

    public LoadResult loaded() {
        return loaded;
    }

    /** Every event type an enabled rule can match: what the sensor must capture for the rules. */
    public EventTypeSet eventTypes() {
        EventTypeSet s = EventTypeSet.NONE;
        for (CompiledRule r : rules) if (r.enabled()) s = s.union(r.eventTypes());
        return s;
    }
}
