package dev.falconet.app.ui.exercises;

import dev.falconet.app.i18n.Msg;
import dev.falconet.app.scenario.StudyProgress;
import dev.falconet.app.ui.UiThreads;
import dev.falconet.app.ui.shell.Notice;
import dev.falconet.app.ui.shell.SessionViewModel;
import dev.falconet.exercise.CaseResult;
import dev.falconet.exercise.Exercise;
import dev.falconet.exercise.ExerciseCatalog;
import dev.falconet.exercise.Finding;
import dev.falconet.exercise.GradeReport;
import dev.falconet.exercise.Grader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Exercises page: the exercises (easiest first) with progress; for the chosen one its task and hints, the
 * student's rules text (starting from the starter file, kept per exercise while the app runs), and Check, which
 * grades the text with the exercises' grader and lists each case's result.
 */
public final class ExercisesViewModel {
    /** One entry of the list. */
    public record Item(Exercise exercise, StudyProgress.State state) {}

    /**
     * One line of the results: a case (or hidden check, or requirement, or diagnostic) and whether it passed.
     *
     * @param passed  true when this part holds
     * @param title   what it is
     * @param details why it failed, one line each
     */
    public record ResultLine(boolean passed, String title, List<String> details) {
        public ResultLine {
            details = List.copyOf(details);
        }
    }

    private final UiThreads threads;
    private final SessionViewModel session;
    private final Path exercisesDir;
    private final StudyProgress progress;
    private final ObservableList<Item> items = FXCollections.observableArrayList();
    private final ObjectProperty<Exercise> selected = new SimpleObjectProperty<>();
    private final StringProperty text = new SimpleStringProperty("");
    private final Map<String, String> edits = new HashMap<>();
    private final ObservableList<ResultLine> results = FXCollections.observableArrayList();
    private final ObjectProperty<Msg> verdict = new SimpleObjectProperty<>();
    private final ObjectProperty<GradeReport> report = new SimpleObjectProperty<>();
    private final BooleanProperty checking = new SimpleBooleanProperty();
    private final IntegerProperty hintsShown = new SimpleIntegerProperty();
    private String language = "en";

    public ExercisesViewModel(UiThreads threads, SessionViewModel session, Path exercisesDir, StudyProgress progress) {
        this.threads = threads;
        this.session = session;
        this.exercisesDir = exercisesDir;
        this.progress = progress;
        selected.addListener((o, a, b) -> {
            if (a != null) edits.put(a.id(), text.get());
            text.set(b == null ? "" : edits.getOrDefault(b.id(), b.starter().text()));
            results.clear();
            report.set(null);
            verdict.set(null);
            hintsShown.set(0);
        });
    }

    public ObservableList<Item> items() {
        return items;
    }

    public ObjectProperty<Exercise> selectedProperty() {
        return selected;
    }

    /** The student's rules text for the chosen exercise. */
    public StringProperty textProperty() {
        return text;
    }

    public ObservableList<ResultLine> results() {
        return results;
    }

    public ReadOnlyObjectProperty<Msg> verdictProperty() {
        return verdict;
    }

    public ReadOnlyObjectProperty<GradeReport> reportProperty() {
        return report;
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking;
    }

    /** How many hints are shown. */
    public IntegerProperty hintsShownProperty() {
        return hintsShown;
    }

    /** Shows one more hint. */
    public void nextHint() {
        Exercise e = selected.get();
        if (e != null && hintsShown.get() < e.hints().size()) hintsShown.set(hintsShown.get() + 1);
    }

    /** Loads the exercises off the FX thread; the first is selected. */
    public void load() {
        threads.background().execute(() -> {
            ExerciseCatalog c = ExerciseCatalog.load(exercisesDir);
            threads.ui().execute(() -> {
                items.setAll(c.exercises().stream().map(e -> new Item(e, progress.exercise(e.id()))).toList());
                if (!c.diagnostics().isEmpty() && c.diagnostics().stream().anyMatch(d -> d.isError())) {
                    session.notify(Notice.error("notify.exercises.errors", c.diagnostics().stream().filter(d -> d.isError())
                            .findFirst().map(d -> d.format()).orElse("")));
                }
                if (selected.get() == null && !items.isEmpty()) selected.set(items.getFirst().exercise());
            });
        });
    }

    /** Back to the starter file. */
    public void reset() {
        Exercise e = selected.get();
        if (e == null) return;
        edits.remove(e.id());
        text.set(e.starter().text());
        results.clear();
        verdict.set(null);
    }

    /** Grades the text off the FX thread. */
    public void check() {
        Exercise e = selected.get();
        if (e == null || checking.get()) return;
        checking.set(true);
        verdict.set(Msg.of("exercises.verdict.checking"));
        String rules = text.get();
        threads.background().execute(() -> {
            GradeReport r;
            try {
                r = Grader.check(e, rules, e.id() + ".yaml");
            } catch (RuntimeException ex) {
                threads.ui().execute(() -> {
                    checking.set(false);
                    verdict.set(null);
                    session.notify(Notice.error("notify.exercises.check", e.id(), String.valueOf(ex.getMessage())));
                });
                return;
            }
            GradeReport done = r;
            threads.ui().execute(() -> show(e, done));
        });
    }

    private void show(Exercise e, GradeReport r) {
        checking.set(false);
        if (selected.get() != e) return;
        report.set(r);
        String lang = language;
        List<ResultLine> lines = new ArrayList<>();
        r.diagnostics().stream().filter(d -> d.isError()).forEach(d -> lines.add(new ResultLine(false, d.format(), List.of())));
        for (GradeReport.RequirementResult q : r.requirements()) {
            lines.add(new ResultLine(q.met(), q.requirement().describe(lang), q.met() || q.detail() == null ? List.of() : List.of(q.detail().in(lang))));
        }
        for (CaseResult c : r.visibleCases()) {
            List<String> why = new ArrayList<>();
            if (c.error() != null) why.add(c.error());
            for (Finding f : c.findings()) why.add(f.summary(lang));
            if (!c.passed() && c.hint() != null) why.add(c.hint().in(lang));
            lines.add(new ResultLine(c.passed(), c.number() + ". " + c.title().in(lang), why));
        }
        results.setAll(lines);
        long hiddenPassed = r.hiddenChecks().stream().filter(CaseResult::passed).count();
        verdict.set(switch (r.status()) {
            case PASSED -> Msg.of("exercises.verdict.passed", r.visibleCases().size(), r.hiddenChecks().size());
            case FAILED -> Msg.of("exercises.verdict.failed", r.passedCount(), r.cases().size(), hiddenPassed, r.hiddenChecks().size());
            case RULES_ERROR -> Msg.of("exercises.verdict.rules", r.message().in(lang));
            case SKIPPED -> Msg.of("exercises.verdict.skipped", r.message().in(lang));
        });
        if (r.status() == GradeReport.Status.PASSED || r.status() == GradeReport.Status.FAILED) {
            try {
                progress.exercise(e.id(), r.passed());
            } catch (IOException ex) {
                session.notify(Notice.error("notify.progress.unsaved", String.valueOf(ex.getMessage())));
            }
            items.replaceAll(i -> i.exercise().id().equals(e.id()) ? new Item(i.exercise(), progress.exercise(e.id())) : i);
        }
    }

    /** The language case titles and hints of the results are written in ("en" or "ru"). */
    public void language(String lang) {
        this.language = lang;
        GradeReport r = report.get();
        if (r != null && selected.get() != null) show(selected.get(), r);
    }
}
