package dev.falconet.app.ui.lab;

import dev.falconet.app.i18n.Msg;
import dev.falconet.app.ui.UiThreads;
import dev.falconet.lab.LabLog;
import dev.falconet.lab.LabStatus;
import dev.falconet.lab.kube.PodRow;
import dev.falconet.lab.minikube.MinikubeStatus;
import dev.falconet.lab.prereq.ToolStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Lab page: what is installed (with install hints), the minikube cluster's state, the lab's pods,
 * and the commands each check stands for. With nothing installed it offers replay mode.
 */
public final class LabViewModel {
    private final UiThreads threads;
    private final Function<LabLog, LabStatus> status;
    private final Runnable replayMode;
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
     * @param status     reads the lab's status (tools, cluster, pods), logging the commands it stands for
     * @param replayMode switches the app to replay mode (the one-click path when nothing is installed)
     */
    public LabViewModel(UiThreads threads, Function<LabLog, LabStatus> status, Runnable replayMode) {
        this.threads = threads;
        this.status = status;
        this.replayMode = replayMode;
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
                s = status.apply(log);
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
