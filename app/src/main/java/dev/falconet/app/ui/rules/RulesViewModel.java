package dev.falconet.app.ui.rules;

import dev.falconet.app.i18n.Msg;
import dev.falconet.app.replay.DemoBundle;
import dev.falconet.app.replay.ReplaySource;
import dev.falconet.app.rules.CaptureTest;
import dev.falconet.app.rules.Completions;
import dev.falconet.app.rules.EditorDiagnostic;
import dev.falconet.app.rules.ExplainLine;
import dev.falconet.app.rules.RulesCheck;
import dev.falconet.app.ui.UiThreads;
import dev.falconet.app.ui.shell.SensorViewModel;
import dev.falconet.engine.EngineOptions;
import dev.falconet.engine.RuleEngine;
import dev.falconet.fields.FieldRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Rules page: the text being edited, its diagnostics (re-checked off the FX thread a moment after
 * typing stops), Validate, and Test against a capture with "why (not)" explanations.
 */
public final class RulesViewModel {
    /** How long typing must pause before the text is checked again. */
    public static final long DEBOUNCE_MILLIS = 350;
    static final String UNTITLED = "rules.yaml";

    private final UiThreads threads;
    private final EngineOptions options;
    private final Completions completions = new Completions(FieldRegistry.standard());
    private final StringProperty text = new SimpleStringProperty("");
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    private final ObservableList<EditorDiagnostic> diagnostics = FXCollections.observableArrayList();
    private final ObjectProperty<Msg> summary = new SimpleObjectProperty<>(Msg.of("rules.summary.none"));
    private final BooleanProperty checking = new SimpleBooleanProperty();
    private final ObjectProperty<RulesCheck.Result> lastCheck = new SimpleObjectProperty<>();
    private final ObservableList<ReplaySource> captures = FXCollections.observableArrayList();
    private final ObjectProperty<ReplaySource> capture = new SimpleObjectProperty<>();
    private final ObservableList<CaptureTest.EventRow> events = FXCollections.observableArrayList();
    private final ObservableList<String> ruleNames = FXCollections.observableArrayList();
    private final ObservableList<ExplainLine> explanation = FXCollections.observableArrayList();
    private final ObjectProperty<Msg> testMessage = new SimpleObjectProperty<>();
    private final AtomicLong generation = new AtomicLong();
    /** The current text was checked and has no errors. */
    private final BooleanProperty valid = new SimpleBooleanProperty();
    private final BooleanProperty applyEnabled = new SimpleBooleanProperty();
    private final ObjectProperty<Msg> applyMessage = new SimpleObjectProperty<>(Msg.of("rules.apply.none"));
    private final SensorViewModel sensor;
    private ScheduledFuture<?> pending;
    private RuleEngine testedEngine;

    public RulesViewModel(UiThreads threads, EngineOptions options) {
        this(threads, options, null);
    }

    /**
     * @param sensor the live sensor the text can be applied to ("Apply to sensor"); null for none
     */
    public RulesViewModel(UiThreads threads, EngineOptions options, SensorViewModel sensor) {
        this.threads = threads;
        this.options = options;
        this.sensor = sensor;
        text.addListener((o, a, b) -> {
            valid.set(false);
            scheduleCheck();
        });
        if (sensor != null) {
            applyEnabled.bind(valid.and(sensor.rulesApplicableProperty()));
            applyMessage.bind(javafx.beans.binding.Bindings.createObjectBinding(
                    () -> sensor.reloadResultProperty().get() != null ? sensor.reloadResultProperty().get()
                            : Msg.of(sensor.rulesApplicableProperty().get() ? "rules.apply.tip" : "rules.apply.none"),
                    sensor.reloadResultProperty(), sensor.rulesApplicableProperty()));
        }
        captures.setAll(DemoBundle.captures());
        if (!captures.isEmpty()) capture.set(captures.getFirst());
    }

    public StringProperty textProperty() {
        return text;
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file;
    }

    public ObservableList<EditorDiagnostic> diagnostics() {
        return diagnostics;
    }

    public ReadOnlyObjectProperty<Msg> summaryProperty() {
        return summary;
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking;
    }

    public ReadOnlyObjectProperty<RulesCheck.Result> lastCheckProperty() {
        return lastCheck;
    }

    /** "Apply to sensor" can run: a live sensor takes rules and the current text has no errors. */
    public ReadOnlyBooleanProperty applyEnabledProperty() {
        return applyEnabled;
    }

    /** What applying did: what the sensor actually loaded, or why it kept its rules; a hint before. */
    public ReadOnlyObjectProperty<Msg> applyMessageProperty() {
        return applyMessage;
    }

    /** Sends the text to the running sensor, which reloads it without stopping the capture. */
    public void applyToSensor() {
        if (!applyEnabled.get()) return;
        sensor.applyRules(text.get());
    }

    public ObservableList<ReplaySource> captures() {
        return captures;
    }

    public ObjectProperty<ReplaySource> captureProperty() {
        return capture;
    }

    public ObservableList<CaptureTest.EventRow> events() {
        return events;
    }

    /** The rules of the last test run, for "explain this event against rule ...". */
    public ObservableList<String> ruleNames() {
        return ruleNames;
    }

    public ObservableList<ExplainLine> explanation() {
        return explanation;
    }

    public ReadOnlyObjectProperty<Msg> testMessageProperty() {
        return testMessage;
    }

    /** The diagnostic underlined at a character, if any (errors before warnings). */
    public Optional<EditorDiagnostic> diagnosticAt(int offset) {
        return diagnostics.stream().filter(d -> d.placed() && d.start() <= offset && offset < d.end())
                .min((a, b) -> Boolean.compare(b.isError(), a.isError()));
    }

    /** Completions for the word ending at {@code caret}. */
    public List<Completions.Suggestion> complete(int caret) {
        String word = Completions.wordBefore(text.get(), caret);
        RulesCheck.Result r = lastCheck.get();
        return completions.suggest(word, r == null ? null : r.build().loaded());
    }

    /** Opens a rules file into the editor. */
    public void open(Path p) {
        try {
            String s = Files.readString(p, StandardCharsets.UTF_8);
            file.set(p);
            text.set(s);
            summary.set(Msg.of("rules.opened", p.toString()));
        } catch (IOException | RuntimeException e) {
            summary.set(Msg.of("rules.open.failed", p.toString(), String.valueOf(e.getMessage())));
        }
    }

    /** Opens the project's rules (as packaged with the app). */
    public void openDemoRules() {
        file.set(null);
        text.set(DemoBundle.rules().text());
    }

    /** Saves to the opened file; false when there is none (the view then asks for one). */
    public boolean save() {
        if (file.get() == null) return false;
        saveAs(file.get());
        return true;
    }

    public void saveAs(Path p) {
        try {
            Files.writeString(p, text.get(), StandardCharsets.UTF_8);
            file.set(p);
            summary.set(Msg.of("rules.saved", p.toString()));
        } catch (IOException e) {
            summary.set(Msg.of("rules.save.failed", p.toString(), String.valueOf(e.getMessage())));
        }
    }

    /** Checks now (the Validate button), cancelling a pending debounced check. */
    public void validate() {
        if (pending != null) pending.cancel(false);
        runCheck(generation.incrementAndGet(), text.get(), fileName());
    }

    private void scheduleCheck() {
        long g = generation.incrementAndGet();
        if (pending != null) pending.cancel(false);
        // read the text here, on the FX thread; the timer and the worker only see this snapshot
        String snapshot = text.get();
        String name = fileName();
        pending = threads.timer().schedule(() -> runCheck(g, snapshot, name), DEBOUNCE_MILLIS, TimeUnit.MILLISECONDS);
    }

    private String fileName() {
        return file.get() == null ? UNTITLED : file.get().toString();
    }

    private void runCheck(long g, String snapshot, String name) {
        threads.ui().execute(() -> checking.set(true));
        threads.background().execute(() -> {
            RulesCheck.Result r = RulesCheck.check(name, snapshot, options);
            threads.ui().execute(() -> {
                if (g != generation.get()) return; // the text changed since: a newer check will report
                checking.set(false);
                lastCheck.set(r);
                valid.set(r.errors() == 0);
                diagnostics.setAll(r.diagnostics());
                summary.set(r.errors() > 0 ? Msg.of("rules.summary.errors", r.errors(), r.warnings())
                        : Msg.of("rules.summary.ok", r.rules(), r.warnings()));
            });
        });
    }

    /** Adds a capture file to the list and selects it. */
    public void addCapture(Path p) {
        ReplaySource s = ReplaySource.file(p);
        captures.add(s);
        capture.set(s);
    }

    /** Runs the editor's rules over the selected capture: which events match which rule. */
    public void test() {
        ReplaySource src = capture.get();
        if (src == null) {
            testMessage.set(Msg.of("rules.test.nocapture"));
            return;
        }
        String snapshot = text.get();
        String name = file.get() == null ? UNTITLED : file.get().toString();
        testMessage.set(Msg.of("rules.test.running", src.name()));
        threads.background().execute(() -> {
            RulesCheck.Result r = RulesCheck.check(name, snapshot, options);
            if (!r.build().ok()) {
                threads.ui().execute(() -> {
                    events.clear();
                    explanation.clear();
                    testMessage.set(Msg.of("rules.test.errors", r.errors()));
                });
                return;
            }
            RuleEngine engine = r.build().engine();
            try {
                List<CaptureTest.EventRow> rows = CaptureTest.run(engine, src);
                long matched = rows.stream().filter(CaptureTest.EventRow::matched).count();
                threads.ui().execute(() -> {
                    testedEngine = engine;
                    ruleNames.setAll(engine.rules().stream().map(x -> x.name()).toList());
                    events.setAll(rows);
                    explanation.clear();
                    testMessage.set(Msg.of("rules.test.done", rows.size(), matched, src.name()));
                });
            } catch (RuntimeException e) {
                threads.ui().execute(() -> testMessage.set(Msg.of("rules.test.failed", String.valueOf(e.getMessage()))));
            }
        });
    }

    /** Explains why {@code rule} did or did not match the event in {@code row}. */
    public void explain(CaptureTest.EventRow row, String rule) {
        RuleEngine engine = testedEngine;
        ReplaySource src = capture.get();
        if (engine == null || row == null || rule == null || src == null) return;
        threads.background().execute(() -> {
            try {
                Optional<RuleEngine.Explanation> ex = CaptureTest.explain(engine, src, row.index(), rule);
                threads.ui().execute(() -> {
                    explanation.setAll(ex.map(x -> ExplainLine.flatten(x.tree())).orElse(List.of()));
                    testMessage.set(ex.map(x -> verdict(x, row, rule)).orElse(Msg.of("rules.explain.norule", rule)));
                });
            } catch (RuntimeException e) {
                threads.ui().execute(() -> testMessage.set(Msg.of("rules.test.failed", String.valueOf(e.getMessage()))));
            }
        });
    }

    private static Msg verdict(RuleEngine.Explanation x, CaptureTest.EventRow row, String rule) {
        if (x.matched()) return Msg.of("rules.explain.matched", rule, row.num());
        if (!x.enabled()) return Msg.of("rules.explain.disabled", rule);
        if (!x.appliesToEventType()) return Msg.of("rules.explain.evttype", rule, row.type());
        return Msg.of("rules.explain.false", rule, row.num());
    }
}
