package dev.falconet.app.ui.lab;

import dev.falconet.lab.LabControl;
import dev.falconet.lab.LabLog;
import dev.falconet.lab.LabStatus;
import java.util.function.Consumer;
import java.util.function.Function;

/** A lab for view-model tests: a scripted status, and start/stop/deploy that run what the test sets. */
final class ScriptedLab implements LabControl {
    private final Function<LabLog, LabStatus> status;
    Consumer<LabLog> onStart = log -> {
        throw new AssertionError("start not expected in this test");
    };
    Consumer<LabLog> onStop = log -> {
        throw new AssertionError("stop not expected in this test");
    };
    Consumer<LabLog> onDeploy = log -> {
        throw new AssertionError("deploy not expected in this test");
    };

    ScriptedLab(Function<LabLog, LabStatus> status) {
        this.status = status;
    }

    static ScriptedLab status(Function<LabLog, LabStatus> status) {
        return new ScriptedLab(status);
    }

    @Override
    public LabStatus status(LabLog log) {
        return status.apply(log);
    }

    @Override
    public void startCluster(LabLog log) {
        onStart.accept(log);
    }

    @Override
    public void stopCluster(LabLog log) {
        onStop.accept(log);
    }

    @Override
    public void deployApps(LabLog log) {
        onDeploy.accept(log);
    }
}
