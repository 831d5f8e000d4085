package dev.falconet.app.ui.scenarios;

import dev.falconet.app.i18n.Msg;
import dev.falconet.app.scenario.FieldRow;
import dev.falconet.app.scenario.ScenarioStudy;
import dev.falconet.app.scenario.StudyProgress;
import dev.falconet.app.ui.UiThreads;
import dev.falconet.app.ui.shell.Notice;
import dev.falconet.app.ui.shell.SessionViewModel;
import dev.falconet.scenario.RulesCache;
import dev.falconet.scenario.Scenario;
import dev.falconet.scenario.ScenarioCatalog;
import dev.falconet.scenario.ScenarioLoader;
import dev.falconet.scenario.Step;
import dev.falconet.scenario.Target;
import dev.falconet.scenario.run.ScenarioObserver;
import dev.falconet.scenario.run.ScenarioResult;
import dev.falconet.scenario.run.SeenAlert;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Scenarios page: the catalogue with each scenario's progress; for the chosen scenario its story and steps,
 * a run in replay mode with the commands and what happened in a terminal, then the rule that fired (or why a rule
 * stayed silent), the alert's fields, and the alert's way to Telegram (the alerts join the session's feed).
 */
public final class ScenariosViewModel {
    /** One catalogue entry. */
    public record Item(Scenario scenario, StudyProgress.State state) {}

    private final UiThreads threads;
    private final SessionViewModel session;
    private final Path repoRoot;
    private final StudyProgress progress;
    private final RulesCache rules = new RulesCache();
    private final ObservableList<Item> items = FXCollections.observableArrayList();
    private final ObjectProperty<Scenario> selected = new SimpleObjectProperty<>();
    private final ObservableList<Msg> terminal = FXCollections.observableArrayList();
    private final ObjectProperty<ScenarioStudy.Study> study = new SimpleObjectProperty<>();
    private final ObjectProperty<ScenarioStudy.RuleView> rule = new SimpleObjectProperty<>();
    private final ObjectProperty<SeenAlert> alert = new SimpleObjectProperty<>();
    private final ObservableList<FieldRow> fields = FXCollections.observableArrayList();
    private final ObjectProperty<Msg> verdict = new SimpleObjectProperty<>();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final BooleanProperty loading = new SimpleBooleanProperty();

    public ScenariosViewModel(UiThreads threads, SessionViewModel session, Path repoRoot, StudyProgress progress) {
        this.threads = threads;
        this.session = session;
        this.repoRoot = repoRoot;
        this.progress = progress;
        selected.addListener((o, a, b) -> {
            terminal.clear();
            study.set(null);
            rule.set(null);
            alert.set(null);
            fields.clear();
            verdict.set(null);
        });
        rule.addListener((o, a, b) -> showAlertOf(b));
    }

    public ObservableList<Item> items() {
        return items;
    }

    public ObjectProperty<Scenario> selectedProperty() {
        return selected;
    }

    /** The commands of the run and what they did, as a terminal shows them. */
    public ObservableList<Msg> terminal() {
        return terminal;
    }

    public ReadOnlyObjectProperty<ScenarioStudy.Study> studyProperty() {
        return study;
    }

    /** The rule shown in the rule pane (one that fired, or one that stayed silent). */
    public ObjectProperty<ScenarioStudy.RuleView> ruleProperty() {
        return rule;
    }

    /** The alert of the shown rule (null for a rule that stayed silent). */
    public ReadOnlyObjectProperty<SeenAlert> alertProperty() {
        return alert;
    }

    /** The alert's fields, as Falco lists them, missing values with the reason. */
    public ObservableList<FieldRow> fields() {
        return fields;
    }

    /** The run's outcome in words. */
    public ReadOnlyObjectProperty<Msg> verdictProperty() {
        return verdict;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    /** Loads the catalogue off the FX thread; the first scenario is selected. */
    public void load() {
        loading.set(true);
        threads.background().execute(() -> {
            ScenarioCatalog c;
            try {
                c = new ScenarioLoader(repoRoot, rules).loadDirectory(repoRoot.resolve("scenarios"));
            } catch (RuntimeException e) {
                threads.ui().execute(() -> {
                    loading.set(false);
                    session.notify(Notice.error("notify.scenarios.load", String.valueOf(e.getMessage())));
                });
                return;
            }
            threads.ui().execute(() -> {
                loading.set(false);
                items.setAll(c.scenarios().stream().map(s -> new Item(s, progress.scenario(s.id()))).toList());
                if (c.hasErrors()) {
                    String first = c.diagnostics().stream().filter(d -> d.isError()).findFirst().map(d -> d.format()).orElse("");
                    session.notify(Notice.error("notify.scenarios.errors", first));
                }
                if (selected.get() == null && !items.isEmpty()) selected.set(items.getFirst().scenario());
            });
        });
    }

    /** The command a step stands for, as the student would type it in the live lab. */
    public static String command(Step step) {
        String cmd = step.display();
        return switch (step.where()) {
            case Target.Pod p -> "kubectl exec -n " + p.namespace() + " deploy/" + p.deployment() + " -- "
                    + (step.shell() != null ? "sh -c '" + step.shell() + "'" : cmd);
            case Target.Container c -> "podman exec falconet-" + c.name() + " " + (step.shell() != null ? "sh -c '" + step.shell() + "'" : cmd);
            case Target.Host h -> cmd;
        };
    }

    /** Runs one step: the scenario is replayed and this step's part of it is shown. */
    public void runStep(Step step) {
        run(step);
    }

    /** Runs every step. */
    public void runAll() {
        run(null);
    }

    private void run(Step only) {
        Scenario s = selected.get();
        if (s == null || running.get()) return;
        running.set(true);
        terminal.clear();
        verdict.set(Msg.of("scenarios.verdict.running"));
        threads.background().execute(() -> {
            ScenarioStudy.Study st;
            try {
                st = new ScenarioStudy(rules).replay(s, ScenarioObserver.NONE);
            } catch (RuntimeException e) {
                threads.ui().execute(() -> {
                    running.set(false);
                    verdict.set(null);
                    session.notify(Notice.error("notify.scenarios.run", s.id(), String.valueOf(e.getMessage())));
                });
                return;
            }
            ScenarioStudy.Study done = st;
            threads.ui().execute(() -> show(s, only, done));
        });
    }

    private void show(Scenario s, Step only, ScenarioStudy.Study st) {
        running.set(false);
        if (!Objects.equals(selected.get(), s)) return;
        ScenarioResult r = st.result();
        for (Step step : s.steps()) {
            if (only != null && !only.id().equals(step.id())) continue;
            terminal.add(Msg.of("scenarios.terminal.command", command(step)));
            terminal.add(Msg.of("scenarios.terminal.replay"));
            List<SeenAlert> of = r.alerts().stream().filter(a -> step.id().equals(a.step()) || a.step() == null && s.steps().size() == 1).toList();
            if (of.isEmpty()) terminal.add(Msg.of("scenarios.terminal.noalert"));
            for (SeenAlert a : of) terminal.add(Msg.of("scenarios.terminal.alert", a.alert().output()));
        }
        for (String reason : r.reasons()) terminal.add(Msg.of("scenarios.terminal.reason", reason));
        study.set(st);
        verdict.set(switch (r.outcome()) {
            case PASS -> Msg.of("scenarios.verdict.pass", r.alerts().size());
            case FAIL -> Msg.of("scenarios.verdict.fail", String.join("; ", r.reasons()));
            case SKIPPED -> Msg.of("scenarios.verdict.skipped", String.join("; ", r.reasons()));
            case ERROR -> Msg.of("scenarios.verdict.error", String.join("; ", r.reasons()));
        });
        rule.set(st.rules().isEmpty() ? null : st.rules().getFirst());
        for (SeenAlert a : r.alerts()) session.addAlert(a.alert());
        if (r.outcome() == ScenarioResult.Outcome.PASS || r.outcome() == ScenarioResult.Outcome.FAIL) {
            try {
                progress.scenario(s.id(), r.passed());
            } catch (IOException e) {
                session.notify(Notice.error("notify.progress.unsaved", String.valueOf(e.getMessage())));
            }
            items.replaceAll(i -> i.scenario().id().equals(s.id()) ? new Item(i.scenario(), progress.scenario(s.id())) : i);
        }
    }

    private void showAlertOf(ScenarioStudy.RuleView v) {
        ScenarioStudy.Study st = study.get();
        SeenAlert a = v == null || st == null || !v.fired() ? null
                : st.result().alerts().stream().filter(x -> x.rule().equals(v.rule())).findFirst().orElse(null);
        alert.set(a);
        fields.setAll(a == null ? List.of() : FieldRow.of(a.alert(), a.fields()));
    }
}
