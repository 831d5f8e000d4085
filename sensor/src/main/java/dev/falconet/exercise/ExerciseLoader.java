package dev.falconet.exercise;

import dev.falconet.capture.CaptureException;
import dev.falconet.capture.EventSource;
import dev.falconet.event.Event;
import dev.falconet.fields.BindResult;
import dev.falconet.fields.FieldRegistry;
import dev.falconet.fields.UseContext;
import dev.falconet.rules.diag.Diagnostic;
import dev.falconet.rules.diag.Severity;
import dev.falconet.rules.load.SourceSpan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads and checks one exercise file ({@code scenarios/exercises/ID.yaml}, format in docs/exercises.md).
 *
 * <p>Stages: parse YAML with positions → read the schema (unknown keys with "did you mean", missing keys,
 * missing translations) → check the files it names (starter, solution, rules files, captures) → check every
 * expectation's target event against its capture. Every problem is a {@link Diagnostic} with the exercise
 * file's line and column and a stable {@code EX_*} code ({@link ExerciseCodes}); {@link #load} never throws.
 */
public final class ExerciseLoader {
    static final Set<String> TOP_KEYS = ExerciseYaml.keys("id", "level", "title", "task", "rule", "rules", "starter",
            "solution", "requires", "cases", "hidden", "hints");
    static final Set<String> TOP_REQUIRED = ExerciseYaml.keys("id", "level", "title", "task", "rule", "starter",
            "solution", "cases", "hints");
    static final Set<String> CASE_KEYS = ExerciseYaml.keys("id", "title", "capture", "expect");
    static final Set<String> HIDDEN_KEYS = ExerciseYaml.keys("id", "hint", "capture", "expect");
    static final Set<String> EXPECT_KEYS = ExerciseYaml.keys("fires", "silent", "event", "where");
    static final Set<String> REQUIRE_KEYS = ExerciseYaml.keys("list", "macro", "exceptions");
    static final Set<String> EXCEPTIONS_KEYS = ExerciseYaml.keys("rule", "fields");
    static final Set<String> STARTER_KEYS = ExerciseYaml.keys("inline");
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** What loading gave: the exercise (null when there were errors) and every diagnostic. */
    public record Result(Exercise exercise, List<Diagnostic> diagnostics) {
        public Result {
            diagnostics = List.copyOf(diagnostics);
        }

        public boolean ok() {
            return exercise != null;
        }
    }

    private final Path exercisesDir;
    private final Path repoRoot;
    private final Path upstreamDir;

    /**
     * @param exercisesDir the directory of the exercise files ({@code <repo>/scenarios/exercises}); starter,
     *                     solution and capture paths are relative to it
     * @param repoRoot     rules files other than {@code upstream:} ones are relative to it
     * @param upstreamDir  where {@code upstream:NAME} files are ({@code <repo>/../shared/falco-upstream})
     */
    public ExerciseLoader(Path exercisesDir, Path repoRoot, Path upstreamDir) {
        this.exercisesDir = exercisesDir;
        this.repoRoot = repoRoot;
        this.upstreamDir = upstreamDir;
    }

    /** Reads and checks one exercise file. Never throws. */
    public Result load(Path file) {
        String name = file.toString();
        ExerciseYaml y = new ExerciseYaml(name);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return new Result(null, List.of(new Diagnostic(ExerciseCodes.YAML_PARSE, Severity.ERROR, name, 0, 0, "",
                    "cannot read the exercise file: " + e.getMessage())));
        }
        Node root = y.parse(text);
        if (root == null) return new Result(null, y.diagnostics());
        Exercise ex;
        try {
            ex = read(y, root, file);
        } catch (RuntimeException e) {
            // Defensive: every stage reports problems as diagnostics; reaching this is a loader bug.
            y.item("");
            y.error(ExerciseCodes.BAD_VALUE, root, "internal error while reading the exercise ("
                    + e.getClass().getSimpleName() + "): " + e.getMessage());
            ex = null;
        }
        return new Result(y.hasErrors() ? null : ex, y.diagnostics());
    }

    private Exercise read(ExerciseYaml y, Node root, Path file) {
        String peeked = ExerciseYaml.peek(root, "id");
        if (peeked != null) y.item("exercise '" + peeked + "'");
        ExerciseYaml.Entries top = y.mapping(root, "the exercise", TOP_KEYS, TOP_REQUIRED);
        if (top == null) return null;
        String id = y.text(top.get("id"), "id");
        String fileId = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        if (id != null && !ID.matcher(id).matches()) {
            y.error(ExerciseCodes.BAD_ID, top.get("id"), "id '" + id + "' must be lowercase letters, digits and dashes");
        } else if (id != null && !id.equals(fileId)) {
            y.error(ExerciseCodes.BAD_ID, top.get("id"), "id '" + id + "' differs from the file name '" + fileId
                    + "'; rename one of them");
        }
        y.item(id == null ? "" : "exercise '" + id + "'");
        int level = level(y, top.get("level"));
        Translated title = y.translated(top.get("title"), "title");
        Translated task = y.translated(top.get("task"), "task");
        String rule = y.text(top.get("rule"), "rule");
        List<RulesFileRef> rules = rulesFiles(y, top.get("rules"));
        Exercise.Starter starter = starter(y, top.get("starter"));
        Path solution = existingFile(y, top.get("solution"), "solution");
        List<Requirement> requires = requirements(y, top.get("requires"));
        List<Translated> hints = y.translatedList(top.get("hints"), "hints");
        if (top.has("hints") && hints.isEmpty() && !y.hasErrors()) {
            y.error(ExerciseCodes.BAD_VALUE, top.get("hints"), "hints has no text; give at least one hint");
        }
        Set<String> caseIds = new HashSet<>();
        List<ExerciseCase> cases = cases(y, top.get("cases"), "cases", false, caseIds);
        if (top.get("cases") instanceof org.snakeyaml.engine.v2.nodes.SequenceNode seq && seq.getValue().isEmpty()) {
            y.error(ExerciseCodes.BAD_VALUE, top.get("cases"), "cases is empty; an exercise needs at least one visible case");
        }
        List<ExerciseCase> hidden = cases(y, top.get("hidden"), "hidden", true, caseIds);
        if (y.hasErrors()) return null;
        return new Exercise(id, level, title, task, rule, rules, starter, solution, cases, hidden, requires, hints, file);
    }

    private static int level(ExerciseYaml y, Node n) {
        String t = y.text(n, "level");
        if (t == null) return 0;
        if (t.matches("[1-5]")) return Integer.parseInt(t);
        y.error(ExerciseCodes.BAD_VALUE, n, "level must be a number from 1 (easiest) to 5, not '" + t + "'");
        return 0;
    }

    private List<RulesFileRef> rulesFiles(ExerciseYaml y, Node n) {
        List<RulesFileRef> out = new ArrayList<>();
        List<String> written = y.textList(n, "rules");
        if (written == null) return out;
        List<Node> nodes = n instanceof ScalarNode ? List.of(n) : y.sequence(n, "rules");
        for (int i = 0; i < written.size(); i++) {
            String w = written.get(i).strip();
            Node at = nodes.get(i);
            if (w.startsWith(RulesFileRef.UPSTREAM_PREFIX)) {
                String fileName = w.substring(RulesFileRef.UPSTREAM_PREFIX.length());
                if (fileName.isEmpty() || fileName.contains("/") || fileName.contains("\\")) {
                    y.error(ExerciseCodes.BAD_VALUE, at, "'" + w + "': upstream:NAME names a file of the upstream rules, e.g. upstream:falco_rules.yaml");
                    continue;
                }
                Path p = (upstreamDir == null ? repoRoot.resolve("../shared/falco-upstream") : upstreamDir).resolve(fileName);
                RulesFileRef ref = new RulesFileRef(w, p.normalize(), true);
                if (!ref.present()) {
                    y.warning(ExerciseCodes.UPSTREAM_ABSENT, at, "the upstream rules file " + fileName + " is not on this machine (looked for "
                            + ref.path() + "); this exercise cannot be checked here");
                }
                out.add(ref);
            } else {
                Path p = repoRoot.resolve(w).normalize();
                if (!Files.isRegularFile(p)) {
                    y.error(ExerciseCodes.MISSING_FILE, at, "rules file '" + w + "' does not exist (paths are relative to the repository root: "
                            + repoRoot + ")");
                    continue;
                }
                out.add(new RulesFileRef(w, p, false));
            }
        }
        return out;
    }

    private Exercise.Starter starter(ExerciseYaml y, Node n) {
        if (n == null) return null;
        if (n instanceof ScalarNode) {
            Path p = existingFile(y, n, "starter");
            if (p == null) return null;
            try {
                return new Exercise.Starter(p, Files.readString(p, StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                y.error(ExerciseCodes.MISSING_FILE, n, "cannot read the starter file " + p + ": " + e.getMessage());
                return null;
            }
        }
        ExerciseYaml.Entries e = y.mapping(n, "starter", STARTER_KEYS, STARTER_KEYS);
        if (e == null || !e.has("inline")) return null;
        Node inline = e.get("inline");
        if (inline instanceof ScalarNode s && !ExerciseYaml.isNull(s)) return new Exercise.Starter(null, s.getValue());
        y.error(ExerciseCodes.BAD_VALUE, inline, "starter.inline must be the rules text (a '|' block), not " + ExerciseYaml.kind(inline));
        return null;
    }

    /** A path relative to the exercises directory that must name an existing file. */
    private Path existingFile(ExerciseYaml y, Node n, String what) {
        String w = y.text(n, what);
        if (w == null) return null;
        Path p = exercisesDir.resolve(w.strip()).normalize();
        if (!Files.isRegularFile(p)) {
            y.error(ExerciseCodes.MISSING_FILE, n, what + " '" + w.strip() + "' does not exist (looked for " + p
                    + "; paths are relative to " + exercisesDir + ")");
            return null;
        }
        return p;
    }

    private static List<Requirement> requirements(ExerciseYaml y, Node n) {
        List<Requirement> out = new ArrayList<>();
        List<Node> items = y.sequence(n, "requires");
        if (items == null) return out;
        for (Node item : items) {
            ExerciseYaml.Entries e = y.mapping(item, "an item of requires", REQUIRE_KEYS, Set.of());
            if (e == null) continue;
            if (e.entries().size() != 1) {
                y.error(ExerciseCodes.BAD_VALUE, item, "an item of requires names exactly one of list, macro, exceptions");
                continue;
            }
            if (e.has("list")) {
                String name = y.text(e.get("list"), "requires.list");
                if (name != null) out.add(new Requirement.DefinesList(name));
            } else if (e.has("macro")) {
                String name = y.text(e.get("macro"), "requires.macro");
                if (name != null) out.add(new Requirement.DefinesMacro(name));
            } else {
                ExerciseYaml.Entries x = y.mapping(e.get("exceptions"), "requires.exceptions", EXCEPTIONS_KEYS, EXCEPTIONS_KEYS);
                if (x == null) continue;
                String rule = y.text(x.get("rule"), "requires.exceptions.rule");
                List<String> fields = y.textList(x.get("fields"), "requires.exceptions.fields");
                if (rule != null && fields != null) out.add(new Requirement.HasExceptions(rule, fields));
            }
        }
        return out;
    }

    private List<ExerciseCase> cases(ExerciseYaml y, Node n, String what, boolean hidden, Set<String> ids) {
        List<ExerciseCase> out = new ArrayList<>();
        List<Node> items = y.sequence(n, what);
        if (items == null) return out;
        String exerciseItem = currentItem(y);
        for (Node item : items) {
            String peeked = ExerciseYaml.peek(item, "id");
            y.item(peeked == null ? exerciseItem : (hidden ? "hidden check '" : "case '") + peeked + "'");
            Set<String> keys = hidden ? HIDDEN_KEYS : CASE_KEYS;
            Set<String> required = hidden ? ExerciseYaml.keys("id", "hint", "capture", "expect")
                    : ExerciseYaml.keys("id", "title", "capture", "expect");
            ExerciseYaml.Entries e = y.mapping(item, "an item of " + what, keys, required);
            if (e == null) continue;
            String id = y.text(e.get("id"), what + ".id");
            if (id != null) {
                if (!ids.add(id)) y.error(ExerciseCodes.BAD_ID, e.get("id"), "case id '" + id + "' is used twice in this exercise");
                y.item((hidden ? "hidden check '" : "case '") + id + "'");
            }
            Translated title = hidden ? null : y.translated(e.get("title"), "title");
            Translated hint = hidden ? y.translated(e.get("hint"), "hint") : null;
            String captureRef = y.text(e.get("capture"), "capture");
            Path capture = captureRef == null ? null : existingFile(y, e.get("capture"), "capture");
            List<Expectation> expectations = expectations(y, e.get("expect"));
            if (capture != null) checkTargets(y, capture, expectations, e.get("expect"));
            if (id != null && capture != null && !expectations.isEmpty() && (hidden ? hint != null : title != null)) {
                out.add(new ExerciseCase(id, title, hint, capture, captureRef, expectations));
            }
        }
        y.item(exerciseItem);
        return out;
    }

    private static String currentItem(ExerciseYaml y) {
        return y.currentItem();
    }

    private List<Expectation> expectations(ExerciseYaml y, Node n) {
        List<Expectation> out = new ArrayList<>();
        List<Node> items = y.sequence(n, "expect");
        if (items == null) return out;
        if (items.isEmpty()) y.error(ExerciseCodes.BAD_VALUE, n, "expect is empty; say which rule must fire or stay silent");
        for (Node item : items) {
            ExerciseYaml.Entries e = y.mapping(item, "an expectation", EXPECT_KEYS, Set.of());
            if (e == null) continue;
            boolean fires = e.has("fires"), silent = e.has("silent");
            if (fires == silent) {
                y.error(fires ? ExerciseCodes.BAD_VALUE : ExerciseCodes.MISSING_KEY, item,
                        "an expectation has exactly one of 'fires: RULE' (the rule must fire on an event) or 'silent: RULE' (it must not fire at all)");
                continue;
            }
            SourceSpan at = y.span(item);
            if (silent) {
                String rule = y.text(e.get("silent"), "silent");
                if (e.has("event") || e.has("where")) {
                    y.error(ExerciseCodes.BAD_VALUE, e.keyNode(e.has("event") ? "event" : "where"),
                            "'event' and 'where' go with 'fires'; 'silent' means on no event of the capture");
                    continue;
                }
                if (rule != null) out.add(new Expectation.Silent(rule.strip(), at));
                continue;
            }
            String rule = y.text(e.get("fires"), "fires");
            Long event = null;
            if (e.has("event")) {
                String t = y.text(e.get("event"), "event");
                if (t != null && t.matches("[1-9][0-9]{0,17}")) event = Long.parseLong(t);
                else if (t != null) y.error(ExerciseCodes.BAD_VALUE, e.get("event"), "event must be an event number (evt.num, from 1), not '" + t + "'");
            }
            List<FieldPredicate> where = e.has("where") ? predicates(y, e.get("where")) : List.of();
            if (!e.has("event") && !e.has("where")) {
                y.error(ExerciseCodes.MISSING_KEY, item, "'fires' needs 'event: N' or 'where: {field: value}' to say on which event the rule must fire");
                continue;
            }
            if (rule != null && (event != null || !where.isEmpty())) out.add(new Expectation.Fires(rule.strip(), event, where, at));
        }
        return out;
    }

    private static List<FieldPredicate> predicates(ExerciseYaml y, Node n) {
        List<FieldPredicate> out = new ArrayList<>();
        List<ExerciseYaml.Pair> pairs = y.pairs(n, "where");
        if (pairs == null) return out;
        if (pairs.isEmpty()) y.error(ExerciseCodes.BAD_VALUE, n, "where is empty; give field: value tests");
        FieldRegistry registry = FieldRegistry.standard();
        for (ExerciseYaml.Pair p : pairs) {
            String written = p.key();
            String name = written, arg = null;
            int b = written.indexOf('[');
            if (b > 0 && written.endsWith("]")) {
                name = written.substring(0, b);
                arg = written.substring(b + 1, written.length() - 1);
            }
            BindResult bound = registry.bind(name, arg, UseContext.CONDITION);
            if (!bound.isOk()) {
                List<String> near = registry.suggest(written);
                y.error(ExerciseCodes.UNKNOWN_FIELD, p.keyNode(), "unknown field '" + written + "'"
                        + (near.isEmpty() ? "" : "; did you mean " + String.join(" or ", near.stream().map(s -> "'" + s + "'").toList()) + "?"));
                continue;
            }
            Node v = p.value();
            if (v instanceof ScalarNode s) {
                out.add(new FieldPredicate(written, FieldPredicate.Op.EQUALS, s.getValue(), bound.field()));
                continue;
            }
            ExerciseYaml.Entries ops = y.mapping(v, "the test of " + written, OPS, Set.of());
            if (ops == null) continue;
            if (ops.entries().size() != 1) {
                y.error(ExerciseCodes.BAD_VALUE, v, "the test of " + written + " has exactly one of " + String.join(", ", OPS));
                continue;
            }
            String opKey = ops.entries().keySet().iterator().next();
            FieldPredicate.Op op = FieldPredicate.Op.valueOf(opKey.toUpperCase(java.util.Locale.ROOT));
            Node operand = ops.get(opKey);
            String value = operand instanceof ScalarNode s ? s.getValue() : null;
            if (value == null || (op == FieldPredicate.Op.EXISTS && !value.equals("true") && !value.equals("false"))) {
                y.error(ExerciseCodes.BAD_VALUE, operand, op == FieldPredicate.Op.EXISTS ? "exists takes true or false"
                        : opKey + " takes a text, not " + ExerciseYaml.kind(operand));
                continue;
            }
            out.add(new FieldPredicate(written, op, value, bound.field()));
        }
        return out;
    }

    private static final Set<String> OPS = ExerciseYaml.keys("equals", "contains", "startswith", "exists");

    /** Every {@code fires} expectation must have its target event in the capture, or the case could never pass. */
    private static void checkTargets(ExerciseYaml y, Path capture, List<Expectation> expectations, Node expectNode) {
        List<Expectation.Fires> fires = expectations.stream().filter(Expectation.Fires.class::isInstance)
                .map(Expectation.Fires.class::cast).toList();
        boolean[] found = new boolean[fires.size()];
        Set<Long> nums = new HashSet<>();
        long last = 0;
        try (EventSource src = EventSource.open(capture)) {
            for (Event e = src.next(); e != null; e = src.next()) {
                nums.add(e.num());
                last = e.num();
                for (int i = 0; i < fires.size(); i++) if (!found[i] && fires.get(i).targets(e)) found[i] = true;
            }
        } catch (CaptureException | java.io.UncheckedIOException e) {
            y.error(ExerciseCodes.CAPTURE_READ, expectNode, "cannot read capture " + capture + ": " + e.getMessage());
            return;
        }
        for (int i = 0; i < fires.size(); i++) {
            if (found[i]) continue;
            Expectation.Fires f = fires.get(i);
            String why = f.event() != null && !nums.contains(f.event())
                    ? "the capture has no event " + f.event() + " (" + (nums.isEmpty() ? "it has no events" : "its last is " + last) + ")"
                    : "no event of the capture is " + f.target();
            y.errorAt(ExerciseCodes.NO_SUCH_EVENT, f.at(), why + " (" + capture.getFileName() + ")");
        }
    }
}
