package dev.falconet.app.ui.lab;

import dev.falconet.app.i18n.Msg;
import dev.falconet.app.ui.UiThreads;
import dev.falconet.app.ui.shell.Notice;
import dev.falconet.lab.LabControl;
import dev.falconet.lab.LabLog;
import dev.falconet.lab.LabStatus;
import dev.falconet.lab.minikube.StartProgress;
import dev.falconet.lab.kube.PodRow;
import dev.falconet.lab.minikube.MinikubeStatus;
import dev.falconet.lab.prereq.ToolStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Lab page: what is installed (with install hints), the minikube cluster's state with start/stop and a
 * progress bar over the live log, deploying the lab's application, the lab's pods, and the commands each
 * step stands for. With nothing installed it offers replay mode.
 */
public final class LabViewModel {
    /** Lines kept in the live log. */
    static final int LOG_LIMIT = 2_000;

    /** A long action of the page. */
    public enum Action { START, STOP, DEPLOY }

    private final UiThreads threads;
    private final LabControl lab;
    private final Runnable replayMode;
    private final Consumer<Notice> notify;
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final ObjectProperty<Action> running = new SimpleObjectProperty<>();
    private final ObservableList<ToolStatus> tools = FXCollections.observableArrayList();
    private final ObservableList<PodRow> pods = FXCollections.observableArrayList();
    private final ObservableList<String> equivalents = FXCollections.observableArrayList();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObjectProperty<Msg> cluster = new SimpleObjectProperty<>(Msg.of("lab.cluster.unchecked"));
    private final ObjectProperty<Msg> driver = new SimpleObjectProperty<>();
    private final BooleanProperty checking = new SimpleBooleanProperty();
    private final BooleanProperty ready = new SimpleBooleanProperty();
    private final BooleanProperty checked = new SimpleBooleanProperty();

    /**
     * @param lab        the lab: status (tools, cluster, pods), start, stop, deploy, each logging its commands
     * @param replayMode switches the app to replay mode (the one-click path when nothing is installed)
     * @param notify     shows a failure and what to do about it
     */
    public LabViewModel(UiThreads threads, LabControl lab, Runnable replayMode, Consumer<Notice> notify) {
        this.threads = threads;
        this.lab = lab;
        this.replayMode = replayMode;
        this.notify = notify;
    }

    /** The live log of the running action: the tools' output lines and the commands, as a terminal shows them. */
    public ObservableList<String> log() {
        return log;
    }

    /** How far the running action is: 0..1, or -1 while it cannot tell. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    /** The action running now, or null. */
    public ReadOnlyObjectProperty<Action> runningProperty() {
        return running;
    }

    /** Starts (or resumes) the minikube cluster. */
    public void startCluster() {
        run(Action.START, lab::startCluster, "notify.lab.startfailed", "notify.lab.started");
    }

    /** Stops the cluster, keeping its state. */
    public void stopCluster() {
        run(Action.STOP, lab::stopCluster, "notify.lab.stopfailed", "notify.lab.stopped");
    }

    /** Applies the lab's application (secured-ns and prod) and waits until it runs. */
    public void deployApps() {
        run(Action.DEPLOY, lab::deployApps, "notify.lab.deployfailed", "notify.lab.deployed");
    }

    private void run(Action action, Consumer<LabLog> work, String failKey, String doneKey) {
        if (running.get() != null || checking.get()) return;
        running.set(action);
        progress.set(action == Action.START ? 0 : -1);
        log.clear();
        StartProgress start = new StartProgress();
        LabLog live = new LabLog() {
            @Override
            public void equivalent(String command) {
                threads.ui().execute(() -> append("$ " + command));
            }

            @Override
            public void progress(String line) {
                double f = action == Action.START ? start.line(line) : -1;
                threads.ui().execute(() -> {
                    append(line);
                    if (action == Action.START) progress.set(f);
                });
            }
        };
        threads.background().execute(() -> {
            RuntimeException failure = null;
            try {
                work.accept(live);
            } catch (RuntimeException e) {
                failure = e;
            }
            RuntimeException f = failure;
            threads.ui().execute(() -> {
                running.set(null);
                progress.set(f == null ? 1 : 0);
                if (f != null) {
                    append("✗ " + f.getMessage());
                    notify.accept(Notice.error(failKey, String.valueOf(f.getMessage())));
                } else {
                    notify.accept(Notice.info(doneKey));
                }
                refresh();
            });
        });
    }

    private void append(String line) {
        log.add(line);
        if (log.size() > LOG_LIMIT) log.remove(0, log.size() - LOG_LIMIT);
    }

    public ObservableList<ToolStatus> tools() {
        return tools;
    }

    public ObservableList<PodRow> pods() {
        return pods;
    }

    /** The shell commands the last check stands for ({@code minikube status}, {@code kubectl get pods} ...). */
    public ObservableList<String> equivalents() {
        return equivalents;
    }

    /** One line per missing piece, each with its fix. */
    public ObservableList<String> problems() {
        return problems;
    }

    public ReadOnlyObjectProperty<Msg> clusterProperty() {
        return cluster;
    }

    public ReadOnlyObjectProperty<Msg> driverProperty() {
        return driver;
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking;
    }

    /** Everything needed for the live lab is there. */
    public ReadOnlyBooleanProperty readyProperty() {
        return ready;
    }

    /** A check has completed at least once. */
    public ReadOnlyBooleanProperty checkedProperty() {
        return checked;
    }

    /** Checks tools, cluster and pods off the FX thread. */
    public void refresh() {
        if (checking.get()) return;
        checking.set(true);
        cluster.set(Msg.of("lab.cluster.checking"));
        threads.background().execute(() -> {
            List<String> cmds = new ArrayList<>();
            LabLog log = new LabLog() {
                @Override
                public void equivalent(String command) {
                    synchronized (cmds) {
                        cmds.add(command);
                    }
                }

                @Override
                public void progress(String line) {}
            };
            LabStatus s;
            try {
                s = lab.status(log);
            } catch (RuntimeException e) {
                threads.ui().execute(() -> {
                    checking.set(false);
                    checked.set(true);
                    cluster.set(Msg.of("lab.cluster.error", String.valueOf(e.getMessage())));
                });
                return;
            }
            LabStatus done = s;
            threads.ui().execute(() -> show(done, cmds));
        });
    }

    /** Switches to replay mode (demo captures through the project's rules). */
    public void useReplayMode() {
        replayMode.run();
    }

    private void show(LabStatus s, List<String> cmds) {
        tools.setAll(s.prerequisites().tools());
        problems.setAll(s.prerequisites().problems());
        var d = s.prerequisites().driver();
        driver.set(d.usable() ? Msg.of("lab.driver.ok", d.driver(), d.reason()) : Msg.of("lab.driver.none", d.reason()));
        ready.set(s.prerequisites().ready());
        pods.setAll(s.pods());
        equivalents.setAll(s.equivalents().isEmpty() ? cmds : s.equivalents());
        cluster.set(clusterMessage(s.cluster()));
        checking.set(false);
        checked.set(true);
    }

    static Msg clusterMessage(MinikubeStatus c) {
        if (c == null) return Msg.of("lab.cluster.nominikube");
        return switch (c.state()) {
            case RUNNING -> Msg.of("lab.cluster.running", c.profile());
            case DEGRADED -> Msg.of("lab.cluster.degraded", c.profile(), c.message());
            case PAUSED -> Msg.of("lab.cluster.paused", c.profile());
            case STOPPED -> Msg.of("lab.cluster.stopped", c.profile());
            case NONEXISTENT -> Msg.of("lab.cluster.nonexistent", c.profile());
            case UNKNOWN -> Msg.of("lab.cluster.unknown", c.message());
        };
    }
}
