package dev.falconet.exercise;

import dev.falconet.capture.CaptureException;
import dev.falconet.capture.EventSource;
import dev.falconet.engine.CompiledRule;
import dev.falconet.engine.EngineOptions;
import dev.falconet.engine.RuleEngine;
import dev.falconet.engine.RuleMatching;
import dev.falconet.engine.dns.NameResolver;
import dev.falconet.event.Event;
import dev.falconet.output.Alert;
import dev.falconet.rules.diag.Diagnostic;
import dev.falconet.rules.load.KeySuggester;
import dev.falconet.rules.load.LoadResult;
import dev.falconet.rules.load.LoadedRule;
import dev.falconet.rules.load.RulesSource;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Grades a student's rules file against an exercise by behaviour: the file goes through the normal rules
 * pipeline (loaded after the exercise's rules files, compiled by {@link RuleEngine}), then every case's
 * capture is replayed through it.
 *
 * <p>Stages: resolve the exercise's rules files (an absent upstream file skips the check) → load and compile
 * them with the student's file (its diagnostics come first in the report; errors stop here) → check the
 * requirements → replay each case: a {@code fires} expectation passes when the rule alerts on its target
 * event, else the rule's explanation on that event is kept; a {@code silent} one fails on every event the rule
 * alerts on. Every rule that matches an event alerts (rule matching "all"), so a rule loaded earlier never
 * hides the student's rule. Never throws on bad input.
 */
public final class Grader {
    /** Deterministic alert lines: UTC, a fixed host name, no DNS. */
    static final EngineOptions OPTIONS = EngineOptions.defaults().withRuleMatching(RuleMatching.ALL)
            .withZone(ZoneOffset.UTC).withHostname("lab-node").withResolver(NameResolver.fixed(Map.of()));

    /** At most this many offending events are kept per false alarm. */
    static final int MAX_OFFENDING = 5;

    private Grader() {}

    /** Grades the rules file at {@code rulesFile}. */
    public static GradeReport check(Exercise exercise, Path rulesFile) {
        if (java.nio.file.Files.isDirectory(rulesFile)) {
            return new GradeReport(exercise.id(), rulesFile.toString(), GradeReport.Status.RULES_ERROR,
                    Words.both(rulesFile + " is a directory; give the rules file to check",
                            rulesFile + " — это каталог; укажите файл правил"), List.of(), List.of(), List.of());
        }
        RulesSource.Reading reading = RulesSource.read(rulesFile);
        if (reading.sources().isEmpty()) {
            return new GradeReport(exercise.id(), rulesFile.toString(), GradeReport.Status.RULES_ERROR,
                    Words.both("the rules file cannot be read", "файл правил не читается"), reading.diagnostics(), List.of(), List.of());
        }
        return check(exercise, reading.sources().getFirst());
    }

    /** Grades rules text (e.g. the app's editor); {@code name} is what diagnostics call the file. */
    public static GradeReport check(Exercise exercise, String rulesText, String name) {
        return check(exercise, new RulesSource(name, rulesText));
    }

    /** Grades the exercise's own starter file (what a student begins with). */
    public static GradeReport checkStarter(Exercise exercise) {
        Exercise.Starter s = exercise.starter();
        return check(exercise, s.text(), s.path() != null ? s.path().toString() : exercise.id() + "-starter.yaml");
    }

    /** Grades the exercise's reference solution (it must pass: the tests check every exercise's). */
    public static GradeReport checkSolution(Exercise exercise) {
        return check(exercise, exercise.solution());
    }

    static GradeReport check(Exercise exercise, RulesSource student) {
        List<Path> before = new ArrayList<>();
        for (RulesFileRef ref : exercise.rulesFiles()) {
            if (!ref.present()) {
                return new GradeReport(exercise.id(), student.name(), GradeReport.Status.SKIPPED,
                        Words.both("cannot check here: the exercise loads " + ref.written() + " (" + ref.path()
                                        + "), which is not on this machine",
                                "здесь проверить нельзя: упражнение загружает " + ref.written() + " (" + ref.path()
                                        + "), а на этом компьютере его нет"), List.of(), List.of(), List.of());
            }
            before.add(ref.path());
        }
        RulesSource.Reading reading = RulesSource.readAll(before);
        List<RulesSource> sources = new ArrayList<>(reading.sources());
        sources.add(student);
        RuleEngine.Build build = RuleEngine.load(sources, OPTIONS);
        List<Diagnostic> shown = studentDiagnostics(reading.diagnostics(), build.diagnostics(), student.name());
        if (!build.ok()) {
            long errors = shown.stream().filter(Diagnostic::isError).count();
            return new GradeReport(exercise.id(), student.name(), GradeReport.Status.RULES_ERROR,
                    Words.both("the rules do not load (" + errors + (errors == 1 ? " error" : " errors") + "); fix them first, no case was run",
                            "правила не загружаются (ошибок: " + errors + "); сначала исправьте их, случаи не запускались"),
                    shown, List.of(), List.of());
        }
        RuleEngine engine = build.engine();
        List<GradeReport.RequirementResult> reqs = requirements(exercise, build.loaded(), student.name());
        List<CaseResult> results = new ArrayList<>();
        int n = 0;
        for (ExerciseCase c : exercise.cases()) results.add(runGuarded(engine, c, ++n));
        n = 0;
        for (ExerciseCase c : exercise.hidden()) results.add(runGuarded(engine, c, ++n));
        boolean ok = results.stream().allMatch(CaseResult::passed) && reqs.stream().allMatch(GradeReport.RequirementResult::met);
        return new GradeReport(exercise.id(), student.name(), ok ? GradeReport.Status.PASSED : GradeReport.Status.FAILED,
                GradeReport.NO_MESSAGE, shown, reqs, results);
    }

    /** The student's own diagnostics (errors and warnings) first, then errors of the files loaded before it. */
    private static List<Diagnostic> studentDiagnostics(List<Diagnostic> reading, List<Diagnostic> all, String studentFile) {
        List<Diagnostic> mine = new ArrayList<>();
        List<Diagnostic> others = new ArrayList<>();
        for (Diagnostic d : reading) if (d.isError()) others.add(d);
        for (Diagnostic d : all) {
            if (d.file().equals(studentFile)) mine.add(d);
            else if (d.isError()) others.add(d);
        }
        mine.addAll(others);
        return mine;
    }

    private static List<GradeReport.RequirementResult> requirements(Exercise ex, LoadResult loaded, String studentFile) {
        List<GradeReport.RequirementResult> out = new ArrayList<>();
        for (Requirement r : ex.requires()) {
            switch (r) {
                case Requirement.DefinesList l -> out.add(defined(r, loaded.list(l.name()).map(x -> x.location().file()), studentFile, "list"));
                case Requirement.DefinesMacro m -> out.add(defined(r, loaded.macro(m.name()).map(x -> x.location().file()), studentFile, "macro"));
                case Requirement.HasExceptions h -> {
                    Optional<LoadedRule> rule = loaded.rule(h.rule());
                    if (rule.isEmpty()) {
                        out.add(new GradeReport.RequirementResult(r, false,
                                Words.both("there is no rule '" + h.rule() + "'", "нет правила '" + h.rule() + "'")));
                        continue;
                    }
                    Set<String> have = rule.get().exceptionFields();
                    List<String> missing = h.fields().stream().filter(f -> !have.contains(f)).toList();
                    String compared = String.join(", ", new java.util.TreeSet<>(have));
                    out.add(new GradeReport.RequirementResult(r, missing.isEmpty(), missing.isEmpty() ? GradeReport.NO_MESSAGE
                            : have.isEmpty() ? Words.both("the rule has no exceptions", "у правила нет исключений")
                            : Words.both("its exceptions compare " + compared + " but not " + String.join(", ", missing),
                                    "его исключения сравнивают " + compared + ", но не " + String.join(", ", missing))));
                }
            }
        }
        return out;
    }

    private static GradeReport.RequirementResult defined(Requirement r, Optional<String> file, String studentFile, String kind) {
        boolean list = kind.equals("list");
        if (file.isEmpty()) {
            return new GradeReport.RequirementResult(r, false, Words.both("your file has no such " + kind,
                    "в вашем файле нет такого " + (list ? "списка" : "макроса")));
        }
        if (!file.get().equals(studentFile)) {
            return new GradeReport.RequirementResult(r, false, Words.both("the " + kind + " comes from " + file.get() + ", not from your file",
                    (list ? "список определён" : "макрос определён") + " в " + file.get() + ", а не в вашем файле"));
        }
        return new GradeReport.RequirementResult(r, true, GradeReport.NO_MESSAGE);
    }

    /** One expectation's state while a capture is replayed. */
    private static final class FiresState {
        final Expectation.Fires expectation;
        final CompiledRule rule;
        boolean targetSeen;
        boolean fired;
        Finding.Missed explanation;

        FiresState(Expectation.Fires expectation, CompiledRule rule) {
            this.expectation = expectation;
            this.rule = rule;
        }
    }

    /** Defensive: replaying reports problems as results; an exception here is a bug, reported as the case's error. */
    private static CaseResult runGuarded(RuleEngine engine, ExerciseCase c, int number) {
        try {
            return runCase(engine, c, number);
        } catch (RuntimeException e) {
            return new CaseResult(c.id(), number, c.title(), c.hint(), false, List.of(),
                    "internal error while replaying the capture (" + e.getClass().getSimpleName() + "): " + e.getMessage());
        }
    }

    private static CaseResult runCase(RuleEngine engine, ExerciseCase c, int number) {
        List<Finding> findings = new ArrayList<>();
        List<FiresState> fires = new ArrayList<>();
        Map<String, List<EventSummary>> falseAlarms = new java.util.LinkedHashMap<>();
        Set<String> silent = new HashSet<>();
        for (Expectation x : c.expectations()) {
            switch (x) {
                case Expectation.Fires f -> {
                    Optional<CompiledRule> rule = engine.rule(f.rule());
                    if (rule.isEmpty()) findings.add(new Finding.NoSuchRule(f.rule(), nearest(engine, f.rule())));
                    else fires.add(new FiresState(f, rule.get()));
                }
                case Expectation.Silent s -> silent.add(s.rule());
            }
        }
        try (EventSource src = EventSource.open(c.capture())) {
            for (Event e = src.next(); e != null; e = src.next()) {
                List<Alert> alerts = new ArrayList<>();
                engine.process(e, alerts::add);
                for (FiresState f : fires) {
                    if (f.fired || !f.expectation.targets(e)) continue;
                    f.targetSeen = true;
                    if (alerts.stream().anyMatch(a -> a.rule().equals(f.rule.name()))) {
                        f.fired = true;
                    } else if (f.explanation == null) {
                        // explain now: the event's thread state changes as the capture goes on
                        RuleEngine.Explanation x = engine.explain(f.rule, e);
                        f.explanation = new Finding.Missed(f.rule.name(), f.expectation.target(), EventSummary.of(e, null),
                                x.enabled(), x.appliesToEventType(), eventTypes(f.rule), x.tree(), x.tree().decisiveChecks());
                    }
                }
                for (Alert a : alerts) {
                    if (!silent.contains(a.rule())) continue;
                    List<EventSummary> list = falseAlarms.computeIfAbsent(a.rule(), k -> new ArrayList<>());
                    if (list.size() < MAX_OFFENDING) list.add(EventSummary.of(e, a.output()));
                }
            }
        } catch (CaptureException | java.io.UncheckedIOException e) {
            return new CaseResult(c.id(), number, c.title(), c.hint(), false, findings, "cannot read capture: " + e.getMessage());
        }
        for (FiresState f : fires) {
            if (f.fired) continue;
            if (!f.targetSeen) findings.add(new Finding.TargetNotSeen(f.rule.name(), f.expectation.target()));
            else findings.add(f.explanation);
        }
        for (Map.Entry<String, List<EventSummary>> fa : falseAlarms.entrySet()) findings.add(new Finding.FalseAlarm(fa.getKey(), fa.getValue()));
        return new CaseResult(c.id(), number, c.title(), c.hint(), findings.isEmpty(), findings, null);
    }

    private static String eventTypes(CompiledRule r) {
        if (r.eventTypes().isAll()) return "all event types";
        return String.join(", ", r.eventTypes().names());
    }

    /** The loaded rule name closest to a misspelt one (edit distance, then case-insensitive containment). */
    static String nearest(RuleEngine engine, String name) {
        List<String> names = engine.rules().stream().map(CompiledRule::name).toList();
        String close = KeySuggester.closest(name, names);
        if (close != null) return close;
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        for (String n : names) {
            String l = n.toLowerCase(java.util.Locale.ROOT);
            if (l.equals(lower) || l.contains(lower) || lower.contains(l)) return n;
        }
        return null;
    }
}
