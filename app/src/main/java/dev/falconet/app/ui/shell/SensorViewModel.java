package dev.falconet.app.ui.shell;

import dev.falconet.app.i18n.Msg;
import dev.falconet.app.ui.UiThreads;
import dev.falconet.lab.sensor.HostSensor;
import dev.falconet.lab.sensor.LiveSensors;
import dev.falconet.lab.sensor.RulesTarget;
import dev.falconet.lab.sensor.SensorStatsLine;
import dev.falconet.output.Alert;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Where the alerts come from: replay (the default, always works), our sensor on this machine (a privileged
 * process the app starts through pkexec/sudo and reads over loopback), or the sensor in the lab cluster. Holds
 * the sensor's state for the Lab page and the status bar: mode, events per second, drops.
 */
public final class SensorViewModel {
    /** Where alerts come from. */
    public enum Mode { REPLAY, HOST, CLUSTER }

    private final UiThreads threads;
    private final SessionViewModel session;
    private final LiveSensors sensors;
    private final Supplier<List<Path>> rulesFiles;
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.REPLAY);
    private final ObjectProperty<Msg> state = new SimpleObjectProperty<>(Msg.of("lab.sensor.state.replay"));
    private final DoubleProperty eventsPerSecond = new SimpleDoubleProperty(Double.NaN);
    private final LongProperty drops = new SimpleLongProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty live = new SimpleBooleanProperty();
    private final BooleanProperty rulesApplicable = new SimpleBooleanProperty();
    private final ObjectProperty<Msg> reloadResult = new SimpleObjectProperty<>();
    private AutoCloseable connection;

    /**
     * @param rulesFiles the rules files the app has loaded (the host sensor loads the same)
     */
    public SensorViewModel(UiThreads threads, SessionViewModel session, LiveSensors sensors, Supplier<List<Path>> rulesFiles) {
        this.threads = threads;
        this.session = session;
        this.sensors = sensors;
        this.rulesFiles = rulesFiles;
    }

    public ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode;
    }

    /** What the sensor is doing, in words. */
    public ReadOnlyObjectProperty<Msg> stateProperty() {
        return state;
    }

    /** Events evaluated per second in the last stats interval (NaN when unknown: replay, or no stats yet). */
    public ReadOnlyDoubleProperty eventsPerSecondProperty() {
        return eventsPerSecond;
    }

    /** Records the kernel dropped since the sensor started. */
    public ReadOnlyLongProperty dropsProperty() {
        return drops;
    }

    /** A connection is being made or closed. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** A live sensor is connected. */
    public ReadOnlyBooleanProperty liveProperty() {
        return live;
    }

    /** A live sensor runs that can take the editor's rules ("Apply to sensor"). */
    public ReadOnlyBooleanProperty rulesApplicableProperty() {
        return rulesApplicable;
    }

    /** What the last "Apply to sensor" did: sent, what the sensor actually loaded, or why it kept its rules. Null before. */
    public ReadOnlyObjectProperty<Msg> reloadResultProperty() {
        return reloadResult;
    }

    /**
     * Hands these rules to the running host sensor: its editable rules file is rewritten and the sensor reloads
     * it without stopping the capture. The sensor's answer sets {@link #reloadResultProperty()}.
     */
    public void applyRules(String rulesText) {
        if (!(connection instanceof RulesTarget target) || !live.get()) return;
        reloadResult.set(Msg.of("rules.apply.sent"));
        threads.background().execute(() -> {
            try {
                target.apply(rulesText);
            } catch (RuntimeException e) {
                threads.ui().execute(() -> reloadResult.set(Msg.of("rules.apply.error", String.valueOf(e.getMessage()))));
            }
        });
    }

    /** Starts our sensor on this machine as its own privileged process and reads its alerts. */
    public void startHost() {
        if (busy.get()) return;
        disconnect();
        busy.set(true);
        mode.set(Mode.HOST);
        reloadResult.set(null); // a new sensor loaded only the files it was started with
        state.set(Msg.of("lab.sensor.state.starting"));
        List<Path> rules = List.copyOf(rulesFiles.get());
        threads.background().execute(() -> {
            try {
                AutoCloseable c = sensors.startHost(rules, hostListener());
                threads.ui().execute(() -> {
                    connection = c;
                    busy.set(false);
                    live.set(true);
                    rulesApplicable.set(c instanceof RulesTarget);
                });
            } catch (RuntimeException e) {
                failed("notify.sensor.hostfailed", e);
            }
        });
    }

    /** Follows the in-cluster sensor's alerts. */
    public void connectCluster() {
        if (busy.get()) return;
        disconnect();
        busy.set(true);
        mode.set(Mode.CLUSTER);
        state.set(Msg.of("lab.sensor.state.connecting"));
        threads.background().execute(() -> {
            try {
                AutoCloseable c = sensors.followCluster(a -> threads.ui().execute(() -> session.addAlert(a)),
                        problem -> threads.ui().execute(() -> state.set(Msg.of("lab.sensor.state.problem", problem))));
                threads.ui().execute(() -> {
                    connection = c;
                    busy.set(false);
                    live.set(true);
                    state.set(Msg.of("lab.sensor.state.cluster"));
                });
            } catch (RuntimeException e) {
                failed("notify.sensor.clusterfailed", e);
            }
        });
    }

    /** Stops the live sensor (or disconnects from the cluster's) and goes back to replay mode. */
    public void useReplay() {
        disconnect();
        mode.set(Mode.REPLAY);
        eventsPerSecond.set(Double.NaN);
        state.set(Msg.of("lab.sensor.state.replay"));
    }

    private void disconnect() {
        AutoCloseable c = connection;
        connection = null;
        live.set(false);
        rulesApplicable.set(false);
        if (c != null) {
            // stopping a root sensor waits for it to exit: not on the FX thread
            threads.background().execute(() -> {
                try {
                    c.close();
                } catch (Exception e) {
                    threads.ui().execute(() -> session.notify(Notice.error("notify.sensor.stopfailed", String.valueOf(e.getMessage()))));
                }
            });
        }
    }

    private void failed(String key, RuntimeException e) {
        threads.ui().execute(() -> {
            busy.set(false);
            live.set(false);
            mode.set(Mode.REPLAY);
            state.set(Msg.of("lab.sensor.state.replay"));
            session.notify(Notice.error(key, String.valueOf(e.getMessage())));
        });
    }

    private HostSensor.Listener hostListener() {
        return new HostSensor.Listener() {
            @Override
            public void alert(Alert alert) {
                threads.ui().execute(() -> session.addAlert(alert));
            }

            @Override
            public void ready(String line) {
                threads.ui().execute(() -> state.set(Msg.of("lab.sensor.state.host")));
            }

            @Override
            public void stats(SensorStatsLine s) {
                threads.ui().execute(() -> {
                    eventsPerSecond.set(s.evaluatedPerSecond());
                    drops.set(s.droppedTotal());
                });
            }

            @Override
            public void notice(String line) {
                threads.ui().execute(() -> {
                    session.say(Msg.of("status.sensor.line", line));
                    reloadAnswer(line).ifPresent(reloadResult::set);
                });
            }

            @Override
            public void exited(int code) {
                threads.ui().execute(() -> {
                    if (mode.get() != Mode.HOST) return;
                    live.set(false);
                    rulesApplicable.set(false);
                    connection = null;
                    mode.set(Mode.REPLAY);
                    eventsPerSecond.set(Double.NaN);
                    state.set(Msg.of("lab.sensor.state.replay"));
                    // pkexec: 126 = not authorised / dialog dismissed, 127 = authentication failed
                    if (code == 126 || code == 127) session.notify(Notice.error("notify.sensor.denied", code));
                    else if (code != 0) session.notify(Notice.error("notify.sensor.exited", code));
                });
            }
        };
    }

    /** The sensor's answer to a reload: {@code RELOADED ...} or {@code RELOAD FAILED: ...} (after the "falconet: " prefix). */
    static java.util.Optional<Msg> reloadAnswer(String line) {
        String l = line.startsWith("falconet: ") ? line.substring("falconet: ".length()) : line;
        if (l.startsWith("RELOADED ")) return java.util.Optional.of(Msg.of("rules.apply.reloaded", l.substring("RELOADED ".length())));
        if (l.startsWith("RELOAD FAILED: ")) return java.util.Optional.of(Msg.of("rules.apply.failed", l.substring("RELOAD FAILED: ".length())));
        return java.util.Optional.empty();
    }

    /** Stops a live sensor when the app closes. */
    public void close() {
        AutoCloseable c = connection;
        connection = null;
        if (c != null) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing the app anyway
            }
        }
    }
}
