package dev.falconet.scenario;

import dev.falconet.fields.FieldRegistry;
import dev.falconet.fields.UseContext;
import dev.falconet.rules.Priority;
import dev.falconet.rules.diag.Diagnostic;
import dev.falconet.rules.diag.Severity;
import dev.falconet.rules.load.KeySuggester;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads scenario files (docs/scenario-format.md) into {@link Scenario}s. Never throws on bad input:
 * every problem is a {@link Diagnostic} with the file, line and column and a stable code from
 * {@link ScenarioCodes}; a file with an error gives no scenario.
 *
 * <p>Rules files are resolved against the repository root; {@code upstream:NAME} is
 * {@code <repository root>/../shared/falco-upstream/NAME}. Expectations are checked against the rule names
 * the scenario's rules files define, loaded through a {@link RulesCache}.
 */
public final class ScenarioLoader {
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final LoadSettings SETTINGS = LoadSettings.builder().setLabel("scenario").setUseMarks(true)
            .setAllowDuplicateKeys(false).build();

    static final List<String> TOP_KEYS = List.of("id", "group", "title", "story", "objectives", "rules", "preconditions",
            "steps", "expect", "hints", "explanation", "capture");
    static final List<String> PRECONDITION_KEYS = List.of("root", "container", "privileged", "capabilities", "tty", "tools");
    static final List<String> STEP_KEYS = List.of("id", "title", "where", "run", "shell", "exit", "install");
    static final List<String> WHERE_KEYS = List.of("pod", "container", "host");
    static final List<String> POD_KEYS = List.of("namespace", "deployment");
    static final List<String> EXPECT_KEYS = List.of("ordered", "alerts", "absent");
    static final List<String> ALERT_KEYS = List.of("rule", "priority", "step", "fields");
    static final List<String> ABSENT_KEYS = List.of("rule", "step");
    static final List<String> OPERATORS = List.of("equals", "contains", "exists", "matches");
    static final List<String> EXPLANATION_KEYS = List.of("en", "ru", "conditions", "links");
    static final List<String> LANGS = List.of("en", "ru");

    private final Path repoRoot;
    private final RulesCache rules;
    private final boolean captureOptional;

    /**
     * @param repoRoot the repository root (rules paths are relative to it)
     * @param rules    where rules files are loaded, to check the rule names of expectations
     */
    public ScenarioLoader(Path repoRoot, RulesCache rules) {
        this(repoRoot, rules, false);
    }

    private ScenarioLoader(Path repoRoot, RulesCache rules, boolean captureOptional) {
        this.repoRoot = repoRoot.toAbsolutePath().normalize();
        this.rules = rules;
        this.captureOptional = captureOptional;
    }

    /** A loader for recording: a capture that does not exist yet is a warning, not an error. */
    public ScenarioLoader forRecording() {
        return new ScenarioLoader(repoRoot, rules, true);
    }

    /** The repository root. */
    public Path repoRoot() {
        return repoRoot;
    }

    /** The directory {@code upstream:NAME} rules files are read from. */
    public Path upstreamDir() {
        return repoRoot.getParent() == null ? repoRoot.resolve("shared/falco-upstream")
                : repoRoot.getParent().resolve("shared").resolve("falco-upstream");
    }

    /** Loads every {@code *.yaml} file of the directory (not its subdirectories), sorted by group then id. */
    public ScenarioCatalog loadDirectory(Path dir) {
        List<Scenario> scenarios = new ArrayList<>();
        List<Diagnostic> diags = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            diags.add(new Diagnostic(ScenarioCodes.YAML, Severity.ERROR, display(dir), 0, 0, "",
                    "cannot list the scenarios directory: " + e.getMessage()));
            return new ScenarioCatalog(List.of(), diags);
        }
        Set<String> ids = new HashSet<>();
        for (Path f : files) {
            Result r = loadFile(f);
            diags.addAll(r.diagnostics());
            r.scenario().ifPresent(sc -> {
                if (ids.add(sc.id())) scenarios.add(sc);
            });
        }
        scenarios.sort(Comparator.comparingInt((Scenario sc) -> groupOrder(sc.group())).thenComparing(Scenario::id));
        return new ScenarioCatalog(scenarios, diags);
    }

    private static int groupOrder(String g) {
        int i = Scenario.GROUPS.indexOf(g);
        return i < 0 ? Scenario.GROUPS.size() : i;
    }

    /** The scenario of one file (empty when it has an error) and the file's diagnostics. */
    public record Result(Optional<Scenario> scenario, List<Diagnostic> diagnostics) {
        public Result {
            diagnostics = List.copyOf(diagnostics);
        }
    }

    /** Loads one scenario file. */
    public Result loadFile(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return new Result(Optional.empty(), List.of(new Diagnostic(ScenarioCodes.YAML, Severity.ERROR, display(file), 0, 0, "",
                    "cannot read the scenario file: " + e.getMessage())));
        }
        return parse(file, text);
    }

    /** Loads a scenario from text; {@code file} names it (its name must be {@code <id>.yaml}; the capture is resolved beside it). */
    public Result parse(Path file, String text) {
        return new FileReader(file, text).read();
    }

    private static String display(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }

    /** Reading one file: the diagnostics collected while walking its tree. */
    private final class FileReader {
        private final Path file;
        private final String name;
        private final String text;
        private final List<Diagnostic> diags = new ArrayList<>();
        /** Whether every step loaded: otherwise a step an expectation names may just have failed to load. */
        private boolean stepsComplete = true;

        FileReader(Path file, String text) {
            this.file = file;
            this.name = display(file);
            this.text = text;
        }

        Result read() {
            Node root;
            try {
                Optional<Node> doc = new Compose(SETTINGS).composeString(text);
                if (doc.isEmpty()) {
                    error(ScenarioCodes.YAML, null, "the file is empty: a scenario is a YAML mapping (see docs/scenario-format.md)");
                    return done(null);
                }
                root = doc.get();
            } catch (MarkedYamlEngineException e) {
                Mark m = e.getProblemMark().or(e::getContextMark).orElse(null);
                String msg = e.getProblem() != null ? e.getProblem() : e.getMessage();
                diags.add(new Diagnostic(ScenarioCodes.YAML, Severity.ERROR, name, m == null ? 0 : m.getLine() + 1,
                        m == null ? 0 : m.getColumn() + 1, "", "not valid YAML: " + msg.strip()));
                return done(null);
            } catch (YamlEngineException e) {
                error(ScenarioCodes.YAML, null, "not valid YAML: " + e.getMessage());
                return done(null);
            }
            MappingNode top = mapping(root, "the scenario");
            if (top == null) return done(null);
            return done(scenario(top));
        }

        private Result done(Scenario s) {
            boolean failed = diags.stream().anyMatch(Diagnostic::isError);
            return new Result(failed ? Optional.empty() : Optional.ofNullable(s), diags);
        }

        private Scenario scenario(MappingNode top) {
            Map<String, NodeTuple> keys = keys(top, TOP_KEYS, "scenario");
            String id = requiredScalar(top, keys, "id");
            String fileId = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
            if (id != null) {
                if (!ID.matcher(id).matches()) {
                    error(ScenarioCodes.BAD_ID, keys.get("id").getValueNode(), "id '" + id + "' must be lowercase letters, digits and dashes");
                } else if (!id.equals(fileId)) {
                    error(ScenarioCodes.BAD_ID, keys.get("id").getValueNode(), "id '" + id + "' differs from the file name: rename the file to "
                            + id + ".yaml or set id: " + fileId);
                }
            }
            String group = requiredScalar(top, keys, "group");
            if (group != null && !Scenario.GROUPS.contains(group)) {
                error(ScenarioCodes.BAD_VALUE, keys.get("group").getValueNode(), "group '" + group + "' is not one of " + Scenario.GROUPS
                        + KeySuggester.didYouMean(group, Scenario.GROUPS));
            }
            Text title = requiredText(top, keys, "title");
            Text story = requiredText(top, keys, "story");
            TextList objectives = keys.containsKey("objectives") ? textList(keys.get("objectives"), "objectives") : TextList.EMPTY;
            TextList hints = keys.containsKey("hints") ? textList(keys.get("hints"), "hints") : TextList.EMPTY;
            Explanation explanation = keys.containsKey("explanation") ? explanation(keys.get("explanation"))
                    : new Explanation(new Text("", ""), List.of(), List.of());
            List<RulesRef> rulesRefs = rules(top, keys);
            Preconditions pre = keys.containsKey("preconditions") ? preconditions(keys.get("preconditions").getValueNode()) : Preconditions.NONE;
            List<Step> steps = steps(top, keys);
            Expectations expect = expect(top, keys, steps, rulesRefs);
            String capture = requiredScalar(top, keys, "capture");
            Path captureFile = null;
            if (capture != null) {
                Path dir = file.toAbsolutePath().getParent();
                captureFile = dir.resolve(capture).normalize();
                if (!Files.isRegularFile(captureFile)) {
                    add(ScenarioCodes.CAPTURE_MISSING, captureOptional ? Severity.WARNING : Severity.ERROR, keys.get("capture").getValueNode(), "capture " + capture + " does not exist ("
                            + display(captureFile) + "); record it with: sudo ./falconet scenario record " + (id == null ? fileId : id)
                            + " --backend podman");
                }
            }
            if (id == null || group == null || title == null || story == null || steps == null || expect == null || capture == null) return null;
            return new Scenario(id, group, title, story, objectives, rulesRefs, pre, steps, expect, hints, explanation, capture,
                    file.toAbsolutePath().normalize(), captureFile);
        }

        // ---- sections ----

        private List<RulesRef> rules(MappingNode top, Map<String, NodeTuple> keys) {
            NodeTuple t = keys.get("rules");
            if (t == null) {
                error(ScenarioCodes.MISSING_KEY, top, "missing key 'rules': the rules files the scenario loads");
                return List.of();
            }
            List<RulesRef> out = new ArrayList<>();
            for (Node item : sequence(t.getValueNode(), "rules")) {
                String spec = scalar(item, "a rules file");
                if (spec == null) continue;
                if (spec.startsWith(RulesRef.UPSTREAM_PREFIX)) {
                    String n = spec.substring(RulesRef.UPSTREAM_PREFIX.length());
                    Path p = upstreamDir().resolve(n).normalize();
                    if (!Files.isDirectory(upstreamDir())) {
                        warning(ScenarioCodes.UPSTREAM_ABSENT, item, "upstream rules are absent on this machine (" + display(upstreamDir())
                                + "): this scenario's rules and expectations are not checked, and it is skipped when run");
                    } else if (!Files.isRegularFile(p)) {
                        error(ScenarioCodes.RULES_FILE_UNKNOWN, item, "no upstream rules file " + n + " in " + display(upstreamDir())
                                + KeySuggester.didYouMean(n, listNames(upstreamDir())));
                    }
                    out.add(new RulesRef(spec, p, true));
                } else {
                    Path p = repoRoot.resolve(spec).normalize();
                    if (!Files.exists(p)) {
                        error(ScenarioCodes.RULES_FILE_UNKNOWN, item, "rules file " + spec + " does not exist (paths are relative to the repository root, "
                                + "upstream files are written upstream:NAME)");
                    }
                    out.add(new RulesRef(spec, p, false));
                }
            }
            if (out.isEmpty() && t.getValueNode() instanceof SequenceNode) error(ScenarioCodes.BAD_VALUE, t.getValueNode(), "'rules' lists no rules file");
            return out;
        }

        private Preconditions preconditions(Node n) {
            MappingNode m = mapping(n, "preconditions");
            if (m == null) return Preconditions.NONE;
            Map<String, NodeTuple> k = keys(m, PRECONDITION_KEYS, "preconditions");
            return new Preconditions(bool(k, "root", false), bool(k, "container", false), bool(k, "privileged", false),
                    k.containsKey("capabilities") ? strings(k.get("capabilities").getValueNode(), "capabilities") : List.of(),
                    bool(k, "tty", false),
                    k.containsKey("tools") ? strings(k.get("tools").getValueNode(), "tools") : List.of());
        }

        private List<Step> steps(MappingNode top, Map<String, NodeTuple> keys) {
            NodeTuple t = keys.get("steps");
            if (t == null) {
                error(ScenarioCodes.MISSING_KEY, top, "missing key 'steps': what the scenario runs");
                return null;
            }
            List<Step> out = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (Node item : sequence(t.getValueNode(), "steps")) {
                MappingNode m = mapping(item, "a step");
                if (m == null) continue;
                Map<String, NodeTuple> k = keys(m, STEP_KEYS, "step");
                String id = requiredScalar(m, k, "id");
                if (id != null && !ids.add(id)) error(ScenarioCodes.DUPLICATE_ID, k.get("id").getValueNode(), "two steps have the id '" + id + "'");
                Text title = requiredText(m, k, "title");
                Target where = k.containsKey("where") ? where(k.get("where").getValueNode()) : null;
                if (!k.containsKey("where")) error(ScenarioCodes.MISSING_KEY, m, "missing key 'where': one of pod, container or host");
                List<String> argv = List.of();
                String shell = null;
                if (k.containsKey("run") == k.containsKey("shell")) {
                    error(ScenarioCodes.STEP_COMMAND, m, k.containsKey("run") ? "a step has either 'run' or 'shell', not both"
                            : "a step needs 'run' (an argument list) or 'shell' (a command line for sh -c)");
                } else if (k.containsKey("run")) {
                    argv = strings(k.get("run").getValueNode(), "run");
                    if (argv.isEmpty()) error(ScenarioCodes.STEP_COMMAND, k.get("run").getValueNode(), "'run' is an empty command");
                } else {
                    shell = scalar(k.get("shell").getValueNode(), "shell");
                }
                Integer exit = 0;
                if (k.containsKey("exit")) {
                    Node en = k.get("exit").getValueNode();
                    String v = scalar(en, "exit");
                    if (v != null && v.equals("any")) exit = null;
                    else if (v != null) {
                        try {
                            exit = Integer.parseInt(v);
                            if (exit < 0 || exit > 255) throw new NumberFormatException();
                        } catch (NumberFormatException e) {
                            error(ScenarioCodes.BAD_VALUE, en, "exit '" + v + "' is not an exit code (0-255) or \"any\"");
                        }
                    }
                }
                List<String> install = k.containsKey("install") ? strings(k.get("install").getValueNode(), "install") : List.of();
                if (id != null && title != null && where != null) out.add(new Step(id, title, where, argv, shell, exit, install, pos(m)));
                else stepsComplete = false;
            }
            if (out.isEmpty() && diags.stream().noneMatch(Diagnostic::isError)) error(ScenarioCodes.BAD_VALUE, t.getValueNode(), "'steps' is empty");
            return out;
        }

        private Target where(Node n) {
            MappingNode m = mapping(n, "where");
            if (m == null) return null;
            Map<String, NodeTuple> k = keys(m, WHERE_KEYS, "where");
            List<Target> targets = new ArrayList<>();
            if (k.containsKey("pod")) {
                MappingNode pod = mapping(k.get("pod").getValueNode(), "where.pod");
                if (pod != null) {
                    Map<String, NodeTuple> pk = keys(pod, POD_KEYS, "where.pod");
                    String ns = requiredScalar(pod, pk, "namespace");
                    String dep = requiredScalar(pod, pk, "deployment");
                    if (ns != null && dep != null) targets.add(new Target.Pod(ns, dep));
                }
            }
            if (k.containsKey("container")) {
                String c = scalar(k.get("container").getValueNode(), "where.container");
                if (c != null) {
                    if (!ID.matcher(c).matches()) error(ScenarioCodes.BAD_VALUE, k.get("container").getValueNode(),
                            "container name '" + c + "' must be lowercase letters, digits and dashes");
                    targets.add(new Target.Container(c));
                }
            }
            if (k.containsKey("host")) {
                Node hn = k.get("host").getValueNode();
                String h = scalar(hn, "where.host");
                if ("true".equals(h)) targets.add(new Target.Host());
                else if (h != null) error(ScenarioCodes.BAD_VALUE, hn, "where.host must be true (leave it out for a pod or container)");
            }
            int named = (k.containsKey("pod") ? 1 : 0) + (k.containsKey("container") ? 1 : 0) + (k.containsKey("host") ? 1 : 0);
            if (named != 1) {
                error(ScenarioCodes.STEP_TARGET, m, named == 0 ? "where names no target: give one of pod, container or host"
                        : "where names " + named + " targets: give exactly one of pod, container or host");
                return null;
            }
            return targets.isEmpty() ? null : targets.get(0);
        }

        private Expectations expect(MappingNode top, Map<String, NodeTuple> keys, List<Step> steps, List<RulesRef> refs) {
            NodeTuple t = keys.get("expect");
            if (t == null) {
                error(ScenarioCodes.MISSING_KEY, top, "missing key 'expect': the alerts the scenario must produce");
                return null;
            }
            MappingNode m = mapping(t.getValueNode(), "expect");
            if (m == null) return null;
            Map<String, NodeTuple> k = keys(m, EXPECT_KEYS, "expect");
            Set<String> known = knownRules(refs);
            boolean ordered = bool(k, "ordered", false);
            List<AlertExpectation> alerts = new ArrayList<>();
            if (k.containsKey("alerts")) {
                for (Node item : sequence(k.get("alerts").getValueNode(), "expect.alerts")) {
                    AlertExpectation a = alert(item, steps, known);
                    if (a != null) alerts.add(a);
                }
            }
            List<AbsentRule> absent = new ArrayList<>();
            if (k.containsKey("absent")) {
                for (Node item : sequence(k.get("absent").getValueNode(), "expect.absent")) {
                    MappingNode am = mapping(item, "an absent rule");
                    if (am == null) continue;
                    Map<String, NodeTuple> ak = keys(am, ABSENT_KEYS, "expect.absent");
                    String rule = requiredScalar(am, ak, "rule");
                    if (rule == null) continue;
                    checkRule(rule, ak.get("rule").getValueNode(), known);
                    String step = ak.containsKey("step") ? stepRef(ak.get("step").getValueNode(), steps) : null;
                    absent.add(new AbsentRule(rule, step, pos(am)));
                }
            }
            if (alerts.isEmpty() && absent.isEmpty() && diags.stream().noneMatch(Diagnostic::isError))
                error(ScenarioCodes.MISSING_KEY, m, "expect has neither alerts nor absent rules: a scenario must check something");
            return new Expectations(ordered, alerts, absent);
        }

        private AlertExpectation alert(Node item, List<Step> steps, Set<String> known) {
            MappingNode m = mapping(item, "an expected alert");
            if (m == null) return null;
            Map<String, NodeTuple> k = keys(m, ALERT_KEYS, "expect.alerts");
            String rule = requiredScalar(m, k, "rule");
            if (rule != null) checkRule(rule, k.get("rule").getValueNode(), known);
            Priority priority = null;
            if (k.containsKey("priority")) {
                Node pn = k.get("priority").getValueNode();
                String p = scalar(pn, "priority");
                if (p != null) {
                    priority = Priority.parse(p).orElse(null);
                    if (priority == null) error(ScenarioCodes.BAD_VALUE, pn, "priority '" + p + "' is not one of EMERGENCY, ALERT, CRITICAL, "
                            + "ERROR, WARNING, NOTICE, INFORMATIONAL, DEBUG");
                }
            }
            String step = k.containsKey("step") ? stepRef(k.get("step").getValueNode(), steps) : null;
            Map<String, FieldCheck> fields = new LinkedHashMap<>();
            if (k.containsKey("fields")) {
                MappingNode fm = mapping(k.get("fields").getValueNode(), "fields");
                if (fm != null) {
                    for (NodeTuple ft : fm.getValue()) {
                        String field = scalar(ft.getKeyNode(), "a field name");
                        if (field == null) continue;
                        checkField(field, ft.getKeyNode());
                        FieldCheck c = check(ft.getValueNode(), field);
                        if (c != null) fields.put(field, c);
                    }
                }
            }
            return rule == null ? null : new AlertExpectation(rule, priority, step, fields, pos(m));
        }

        /** A step id an expectation names; reported when the scenario has no such step. */
        private String stepRef(Node sn, List<Step> steps) {
            String named = scalar(sn, "step");
            if (named != null && steps != null && stepsComplete && steps.stream().noneMatch(s -> s.id().equals(named))) {
                List<String> ids = steps.stream().map(Step::id).toList();
                error(ScenarioCodes.UNKNOWN_STEP, sn, "no step '" + named + "' in this scenario (steps: " + String.join(", ", ids) + ")."
                        + KeySuggester.didYouMean(named, ids));
            }
            return named;
        }

        private FieldCheck check(Node n, String field) {
            if (!(n instanceof MappingNode m) || m.getValue().size() != 1) {
                error(ScenarioCodes.BAD_OPERATOR, n, "field " + field + " needs exactly one operator: { equals: V }, { contains: V }, "
                        + "{ exists: true|false } or { matches: REGEX }");
                return null;
            }
            NodeTuple t = m.getValue().get(0);
            String op = scalar(t.getKeyNode(), "an operator");
            if (op == null) return null;
            if (!OPERATORS.contains(op)) {
                error(ScenarioCodes.BAD_OPERATOR, t.getKeyNode(), "unknown operator '" + op + "' for field " + field + " (operators: "
                        + String.join(", ", OPERATORS) + ")." + KeySuggester.didYouMean(op, OPERATORS));
                return null;
            }
            String v = scalar(t.getValueNode(), op);
            if (v == null) return null;
            return switch (op) {
                case "equals" -> new FieldCheck.Equals(v);
                case "contains" -> new FieldCheck.Contains(v);
                case "exists" -> {
                    if (!v.equals("true") && !v.equals("false")) {
                        error(ScenarioCodes.BAD_OPERATOR, t.getValueNode(), "exists takes true or false, not '" + v + "'");
                        yield null;
                    }
                    yield new FieldCheck.Exists(v.equals("true"));
                }
                default -> {
                    try {
                        yield new FieldCheck.Matches(Pattern.compile(v));
                    } catch (PatternSyntaxException e) {
                        error(ScenarioCodes.BAD_REGEX, t.getValueNode(), "not a valid regular expression: " + e.getDescription());
                        yield null;
                    }
                }
            };
        }

        private void checkField(String field, Node at) {
            String name = field;
            String arg = null;
            int b = field.indexOf('[');
            if (b > 0 && field.endsWith("]")) {
                name = field.substring(0, b);
                arg = field.substring(b + 1, field.length() - 1);
            }
            var bound = FieldRegistry.standard().bind(name, arg, UseContext.CONDITION);
            if (!bound.isOk()) {
                List<String> close = FieldRegistry.standard().suggest(field);
                error(ScenarioCodes.UNKNOWN_FIELD, at, "unknown field " + field + (close.isEmpty() ? "" : ". Did you mean " + String.join(" or ", close) + "?"));
            }
        }

        private Set<String> knownRules(List<RulesRef> refs) {
            if (refs.isEmpty() || rules == null) return null;
            for (RulesRef r : refs) if (!Files.exists(r.path())) return null; // already reported (or upstream absent)
            RulesCache.Loaded l = rules.load(refs.stream().map(RulesRef::path).toList());
            if (l.engine() == null) {
                Diagnostic first = l.errors().isEmpty() ? null : l.errors().get(0);
                diags.add(new Diagnostic(ScenarioCodes.RULES_LOAD, Severity.ERROR, name, 0, 0, "",
                        "the scenario's rules files do not load" + (first == null ? "" : ": " + first.format())));
                return null;
            }
            return l.ruleNames();
        }

        private void checkRule(String rule, Node at, Set<String> known) {
            if (known == null || known.contains(rule)) return;
            error(ScenarioCodes.UNKNOWN_RULE, at, "no loaded rules file defines the rule '" + rule + "'." + KeySuggester.didYouMean(rule, known));
        }

        private Explanation explanation(NodeTuple t) {
            MappingNode m = mapping(t.getValueNode(), "explanation");
            if (m == null) return null;
            Map<String, NodeTuple> k = keys(m, EXPLANATION_KEYS, "explanation");
            String en = k.containsKey("en") ? scalar(k.get("en").getValueNode(), "explanation.en") : null;
            String ru = k.containsKey("ru") ? scalar(k.get("ru").getValueNode(), "explanation.ru") : null;
            missingTranslations(m, k, "explanation");
            List<String> conditions = k.containsKey("conditions") ? strings(k.get("conditions").getValueNode(), "conditions") : List.of();
            List<String> links = k.containsKey("links") ? strings(k.get("links").getValueNode(), "links") : List.of();
            return new Explanation(new Text(en == null ? "" : en, ru == null ? "" : ru), conditions, links);
        }

        // ---- texts ----

        private Text requiredText(MappingNode parent, Map<String, NodeTuple> keys, String key) {
            NodeTuple t = keys.get(key);
            if (t == null) {
                error(ScenarioCodes.MISSING_KEY, parent, "missing key '" + key + "' (with en and ru)");
                return null;
            }
            MappingNode m = mapping(t.getValueNode(), key);
            if (m == null) return null;
            Map<String, NodeTuple> k = keys(m, LANGS, key);
            if (!missingTranslations(m, k, key)) return null;
            String en = scalar(k.get("en").getValueNode(), key + ".en");
            String ru = scalar(k.get("ru").getValueNode(), key + ".ru");
            return en == null || ru == null ? null : new Text(en, ru);
        }

        private TextList textList(NodeTuple t, String key) {
            MappingNode m = mapping(t.getValueNode(), key);
            if (m == null) return TextList.EMPTY;
            Map<String, NodeTuple> k = keys(m, LANGS, key);
            if (!missingTranslations(m, k, key)) return TextList.EMPTY;
            return new TextList(strings(k.get("en").getValueNode(), key + ".en"), strings(k.get("ru").getValueNode(), key + ".ru"));
        }

        /** Reports each missing language; true when both are there. */
        private boolean missingTranslations(MappingNode m, Map<String, NodeTuple> k, String key) {
            boolean ok = true;
            for (String lang : LANGS) {
                if (!k.containsKey(lang)) {
                    error(ScenarioCodes.MISSING_TRANSLATION, m, key + " has no " + (lang.equals("en") ? "English (en)" : "Russian (ru)")
                            + " version: every text is written in both languages");
                    ok = false;
                }
            }
            return ok;
        }

        // ---- YAML helpers ----

        /** The mapping's entries by key, reporting unknown and duplicate keys. */
        private Map<String, NodeTuple> keys(MappingNode m, List<String> allowed, String what) {
            Map<String, NodeTuple> out = new LinkedHashMap<>();
            for (NodeTuple t : m.getValue()) {
                String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
                if (key == null) {
                    error(ScenarioCodes.BAD_VALUE, t.getKeyNode(), "a key in " + what + " must be a plain name");
                } else if (!allowed.contains(key)) {
                    error(ScenarioCodes.UNKNOWN_KEY, t.getKeyNode(), "unknown key '" + key + "' in " + what + "." + KeySuggester.didYouMean(key, allowed)
                            + " Allowed: " + String.join(", ", allowed));
                } else {
                    out.putIfAbsent(key, t);
                }
            }
            return out;
        }

        private String requiredScalar(MappingNode parent, Map<String, NodeTuple> keys, String key) {
            NodeTuple t = keys.get(key);
            if (t == null) {
                error(ScenarioCodes.MISSING_KEY, parent, "missing key '" + key + "'");
                return null;
            }
            return scalar(t.getValueNode(), key);
        }

        private boolean bool(Map<String, NodeTuple> k, String key, boolean dflt) {
            NodeTuple t = k.get(key);
            if (t == null) return dflt;
            String v = scalar(t.getValueNode(), key);
            if (v == null) return dflt;
            if (v.equals("true")) return true;
            if (v.equals("false")) return false;
            error(ScenarioCodes.BAD_VALUE, t.getValueNode(), key + " must be true or false, not '" + v + "'");
            return dflt;
        }

        private String scalar(Node n, String what) {
            if (n instanceof ScalarNode s) {
                String v = s.getValue();
                if (v.isEmpty() && s.getScalarStyle() == org.snakeyaml.engine.v2.common.ScalarStyle.PLAIN) {
                    error(ScenarioCodes.BAD_VALUE, n, what + " is empty");
                    return null;
                }
                return v;
            }
            error(ScenarioCodes.BAD_VALUE, n, what + " must be a single value, not " + kind(n));
            return null;
        }

        private List<String> strings(Node n, String what) {
            List<String> out = new ArrayList<>();
            for (Node item : sequence(n, what)) {
                String v = scalar(item, "an item of " + what);
                if (v != null) out.add(v);
            }
            return out;
        }

        private List<Node> sequence(Node n, String what) {
            if (n instanceof SequenceNode s) return s.getValue();
            error(ScenarioCodes.BAD_VALUE, n, what + " must be a list, not " + kind(n));
            return List.of();
        }

        private MappingNode mapping(Node n, String what) {
            if (n instanceof MappingNode m) return m;
            error(ScenarioCodes.BAD_VALUE, n, what + " must be a mapping (key: value), not " + kind(n));
            return null;
        }

        private String kind(Node n) {
            if (n instanceof ScalarNode s) return s.getValue().isEmpty() ? "an empty value" : "a single value";
            if (n instanceof SequenceNode) return "a list";
            return "a mapping";
        }

        private SourcePos pos(Node n) {
            Mark m = n.getStartMark().orElse(null);
            return new SourcePos(name, m == null ? 0 : m.getLine() + 1, m == null ? 0 : m.getColumn() + 1);
        }

        private void error(String code, Node at, String message) {
            add(code, Severity.ERROR, at, message);
        }

        private void warning(String code, Node at, String message) {
            add(code, Severity.WARNING, at, message);
        }

        private void add(String code, Severity severity, Node at, String message) {
            SourcePos p = at == null ? new SourcePos(name, 0, 0) : pos(at);
            diags.add(new Diagnostic(code, severity, name, p.line(), p.column(), "", message));
        }
    }

    private static List<String> listNames(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
