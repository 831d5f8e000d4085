package dev.falconet.engine;

import dev.falconet.engine.compile.ConditionCompiler;
import dev.falconet.engine.compile.FieldSlots;
import dev.falconet.engine.eval.CandidateEvaluator;
import dev.falconet.engine.eval.ConstNode;
import dev.falconet.engine.eval.EvaluatorGenerator;
import dev.falconet.engine.eval.Frame;
import dev.falconet.engine.eval.Node;
import dev.falconet.engine.eval.OperandOrder;
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

    /**
     * Events of one type evaluated with the condition nodes before that type's candidates are
     * compiled to bytecode: short replays and tests never pay for code generation, streams do once.
     */
    static final int COMPILE_AFTER = 2_000;
    private int compileAfter = COMPILE_AFTER;
    /** Marks a type whose evaluator could not be generated: it stays interpreted. */
    private static final CandidateEvaluator INTERPRETED = new CandidateEvaluator() {
        @Override
        public int next(Frame f, int from) {
            throw new IllegalStateException("interpreted");
        }
    };

    private final List<CompiledRule> rules;
    private final Candidate[][] byType;
    /** Per event type: the generated evaluator of its candidates, null until compiled (racy but idempotent). */
    private final CandidateEvaluator[] generated = new CandidateEvaluator[EventTypes.CAPACITY];
    /** Per event type: events seen before compiling (racy counts are fine: it is only a threshold). */
    private final int[] seen = new int[EventTypes.CAPACITY];
    /** Per event type: the last interpreted events, which order the generated code's operands ({@link OperandOrder}). */
    private final Event[][] samples = new Event[EventTypes.CAPACITY][];
    private static final int SAMPLES = 256;
    private volatile String generationFailure;
    /** Events whose generated evaluation threw and was redone on the nodes (racy count: diagnostics only). */
    private long fallbacks;
    private final EngineOptions options;
    private final AlertFactory alerts;
    private final LoadResult loaded;
    /** One frame per evaluating thread: the engine may be shared, frames may not. */
    private final ThreadLocal<Frame> frames;
    /** The last thread's frame, to skip the thread-local lookup while one thread evaluates (the usual case). */
    private volatile OwnedFrame lastFrame = new OwnedFrame(null, null);

    private record OwnedFrame(Thread owner, Frame frame) {}

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
        prepareFieldRegistry();
        return build(new RulesLoader(RuleEngine::fieldExists).load(sources), options);
    }

    /**
     * Builds the field registry on another thread while the rules files are read and resolved (in
     * a fresh JVM the registry's hundreds of extractors take a good part of the first load); whoever
     * needs it first waits for it.
     */
    private static void prepareFieldRegistry() {
        if (FieldRegistry.isBuilt()) return;
        Thread t = new Thread(FieldRegistry::standard, "field-registry");
        t.setDaemon(true);
        t.start();
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
        int t = e.type();
        Candidate[] candidates = byType[t];
        if (candidates.length == 0) return 0;
        Frame f = frame().reset(e);
        CandidateEvaluator g = evaluator(t, e);
        boolean first = options.ruleMatching() == RuleMatching.FIRST;
        int n = 0;
        for (int i = next(g, candidates, f, 0); i >= 0; i = next(g, candidates, f, i + 1)) {
            out.accept(alerts.create(candidates[i].rule(), e));
            n++;
            if (first) break;
        }
        return n;
    }

    /** The first enabled rule that matches the event, without building an alert (benchmarks, tests). */
    public CompiledRule firstMatch(Event e) {
        int t = e.type();
        Candidate[] candidates = byType[t];
        if (candidates.length == 0) return null;
        int i = next(evaluator(t, e), candidates, frame().reset(e), 0);
        return i < 0 ? null : candidates[i].rule();
    }

    /** This thread's frame. */
    private Frame frame() {
        OwnedFrame last = lastFrame;
        Thread me = Thread.currentThread();
        if (last.owner() == me) return last.frame();
        Frame f = frames.get();
        lastFrame = new OwnedFrame(me, f);
        return f;
    }

    /** The first candidate at or after {@code from} that matches: generated code when there is some, else the nodes. */
    private int next(CandidateEvaluator g, Candidate[] candidates, Frame f, int from) {
        if (from >= candidates.length) return -1;
        if (g != null) {
            try {
                return g.next(f, from);
            } catch (RuntimeException ex) {
                fallbacks++;
                // generated code may evaluate operands in another order than written: an operand that
                // fails there is retried in the written order, on the nodes (which fail the same way or not at all)
            }
        }
        for (int i = from; i < candidates.length; i++) if (candidates[i].condition().eval(f)) return i;
        return -1;
    }

    /** The type's generated evaluator, compiling it once the type has been seen often enough; null = interpret. */
    private CandidateEvaluator evaluator(int t, Event e) {
        CandidateEvaluator g = generated[t];
        if (g == null) {
            int n = ++seen[t];
            if (n < compileAfter) {
                Event[] s = samples[t];
                if (s == null) samples[t] = s = new Event[SAMPLES];
                s[n % SAMPLES] = e;
                return null;
            }
            g = compile(t);
        }
        return g == INTERPRETED ? null : g;
    }

    private synchronized CandidateEvaluator compile(int t) {
        CandidateEvaluator g = generated[t];
        if (g != null) return g;
        List<Node> conditions = new ArrayList<>();
        for (Candidate c : byType[t]) conditions.add(c.condition());
        List<Event> sample = new ArrayList<>();
        Event[] s = samples[t];
        samples[t] = null;
        if (s != null) for (Event x : s) if (x != null) sample.add(x);
        try {
            g = EvaluatorGenerator.generate(OperandOrder.reorder(conditions, sample));
        } catch (RuntimeException | LinkageError ex) {
            // evaluation stays correct on the nodes; the failure is kept for diagnostics and tests
            generationFailure = EventTypes.name(t) + ": " + ex;
            g = INTERPRETED;
        }
        generated[t] = g;
        return g;
    }

    /** Sets how many events of a type are interpreted before its candidates are compiled (tests). */
    void compileAfter(int events) {
        compileAfter = events;
    }

    /** Compiles the candidates of every event type to bytecode now (benchmarks, tests). */
    public void compileAll() {
        for (int t = 0; t < EventTypes.CAPACITY; t++) if (byType[t].length > 0) compile(t);
    }

    /**
     * Compiles every event type's candidates now, their operands ordered by these sample events
     * (tests: the reordered code must agree with the nodes).
     */
    void compileAll(List<Event> sample) {
        for (Event e : sample) {
            int t = e.type();
            if (byType[t].length == 0 || generated[t] != null) continue;
            Event[] s = samples[t];
            if (s == null) samples[t] = s = new Event[SAMPLES];
            s[seen[t]++ % SAMPLES] = e;
        }
        compileAll();
    }

    /** How many events were evaluated again on the nodes because their generated evaluation threw. */
    public long generatedFallbacks() {
        return fallbacks;
    }

    /** How many event types run generated code now. */
    public int generatedTypes() {
        int n = 0;
        for (CandidateEvaluator g : generated) if (g != null && g != INTERPRETED) n++;
        return n;
    }

    /** Why an event type's evaluator could not be generated (it is then interpreted), or null. */
    public String generationFailure() {
        return generationFailure;
    }

    /**
     * Every candidate rule that matches the event, in rule order, evaluated with one frame by the
     * condition nodes ({@code generated} false) or by the generated code (compiled on demand): the
     * two must agree rule by rule on every event, which a test checks.
     */
    public List<CompiledRule> allMatches(Event e, boolean generated) {
        Candidate[] candidates = byType[e.type()];
        List<CompiledRule> out = new ArrayList<>();
        if (candidates.length == 0) return out;
        Frame f = new Frame(64).reset(e);
        CandidateEvaluator g = null;
        if (generated) {
            g = compile(e.type());
            if (g == INTERPRETED) throw new IllegalStateException("no generated evaluator: " + generationFailure);
        }
        for (int i = next(g, candidates, f, 0); i >= 0; i = next(g, candidates, f, i + 1)) out.add(candidates[i].rule());
        return out;
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
