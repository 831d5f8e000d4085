package dev.falconet.app.ui.shell;

import dev.falconet.app.i18n.Msg;
import dev.falconet.app.replay.DemoBundle;
import dev.falconet.app.replay.Replay;
import dev.falconet.app.replay.ReplaySource;
import dev.falconet.app.rules.ActiveRules;
import dev.falconet.app.ui.UiThreads;
import dev.falconet.engine.EngineOptions;
import dev.falconet.engine.RuleEngine;
import dev.falconet.output.Alert;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The running session every page shares: the rules loaded, the alert feed, replay mode, and the
 * status bar's message. Works with no cluster and no root: replay mode plays captures through the
 * same engine the sensor runs.
 */
public final class SessionViewModel {
    /** The feed keeps the newest alerts only. */
    public static final int FEED_LIMIT = 5_000;

    private final UiThreads threads;
    private final EngineOptions options;
    private final ObservableList<Alert> alerts = FXCollections.observableArrayList();
    private final ObservableList<Notice> notices = FXCollections.observableArrayList();
    private final ObjectProperty<RuleEngine> engine = new SimpleObjectProperty<>();
    private final ObjectProperty<Msg> status = new SimpleObjectProperty<>(Msg.of("status.ready"));
    private final LongProperty events = new SimpleLongProperty();
    private final BooleanProperty replaying = new SimpleBooleanProperty();
    private final AtomicBoolean cancel = new AtomicBoolean();
    private volatile long paceMillis;

    /**
     * @param paceMillis pause after each alert while replaying, so the feed reads like a live one (0 in tests)
     */
    public SessionViewModel(UiThreads threads, EngineOptions options, long paceMillis) {
        this.threads = threads;
        this.options = options;
        this.paceMillis = paceMillis;
    }

    public ObservableList<Alert> alerts() {
        return alerts;
    }

    public ReadOnlyObjectProperty<RuleEngine> engineProperty() {
        return engine;
    }

    public ReadOnlyObjectProperty<Msg> statusProperty() {
        return status;
    }

    public ReadOnlyLongProperty eventsProperty() {
        return events;
    }

    public ReadOnlyBooleanProperty replayingProperty() {
        return replaying;
    }

    /** Notifications shown over the window until dismissed (failures with what to do). */
    public ObservableList<Notice> notices() {
        return notices;
    }

    /** Shows a notification (on the FX thread). */
    public void notify(Notice n) {
        notices.add(n);
        if (notices.size() > 5) notices.removeFirst();
    }

    /** Adds an alert from a live sensor to the feed (on the FX thread). */
    public void addAlert(Alert a) {
        alerts.add(a);
        if (alerts.size() > FEED_LIMIT) alerts.remove(0, alerts.size() - FEED_LIMIT);
    }

    /** Shows a message in the status bar. */
    public void say(Msg m) {
        status.set(m);
    }

    /** Loads the rules files (the project's rules when the list is empty) off the FX thread. */
    public void loadRules(List<Path> files) {
        status.set(Msg.of("status.rules.loading"));
        threads.background().execute(() -> {
            RuleEngine.Build b = ActiveRules.load(files, options);
            threads.ui().execute(() -> {
                if (b.ok()) {
                    engine.set(b.engine());
                    status.set(Msg.of("status.rules.loaded", b.engine().rules().size(), b.warnings()));
                } else {
                    String first = b.diagnostics().stream().filter(d -> d.isError()).findFirst().map(d -> d.format()).orElse("");
                    status.set(Msg.of("status.rules.failed", b.errors(), first));
                    notify(Notice.error("notify.rules.failed", b.errors(), first));
                }
            });
        });
    }

    /** Replays the packaged demo captures. */
    public void replayDemo() {
        replay(DemoBundle.captures());
    }

    /** Replays captures through the loaded rules; alerts arrive in the feed as they are raised. */
    public void replay(List<ReplaySource> sources) {
        RuleEngine e = engine.get();
        if (e == null) {
            status.set(Msg.of("status.replay.norules"));
            return;
        }
        if (replaying.get()) return;
        replaying.set(true);
        cancel.set(false);
        status.set(Msg.of("status.replay.running", sources.size()));
        threads.background().execute(() -> {
            Replay.Result r;
            try {
                r = Replay.run(e, sources, this::deliver, cancel::get);
            } catch (RuntimeException ex) {
                threads.ui().execute(() -> {
                    replaying.set(false);
                    status.set(Msg.of("status.replay.failed", String.valueOf(ex.getMessage())));
                    notify(Notice.error("notify.replay.failed", String.valueOf(ex.getMessage())));
                });
                return;
            }
            Replay.Result done = r;
            threads.ui().execute(() -> {
                replaying.set(false);
                events.set(events.get() + done.events());
                status.set(done.problems().isEmpty() ? Msg.of("status.replay.done", done.events(), done.alerts())
                        : Msg.of("status.replay.problems", done.events(), done.alerts(), String.join("; ", done.problems())));
            });
        });
    }

    /** Stops a running replay after the current event. */
    public void stopReplay() {
        cancel.set(true);
    }

    public void clearAlerts() {
        alerts.clear();
    }

    private void deliver(Alert a) {
        threads.ui().execute(() -> addAlert(a));
        long pace = paceMillis;
        if (pace > 0) {
            try {
                Thread.sleep(pace);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                cancel.set(true);
            }
        }
    }
}
