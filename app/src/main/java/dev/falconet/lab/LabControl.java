package dev.falconet.lab;

import dev.falconet.lab.minikube.StartOptions;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * What the app's Lab page asks of the lab: its status, starting and stopping the cluster, deploying the lab's
 * application. Each call blocks (callers run it off the UI thread), reports its commands and progress to the
 * log, and fails with a {@link LabException} (or a subclass) whose message says what to do.
 */
public interface LabControl {
    /** How long deploying waits for the lab's workloads. */
    Duration ROLLOUT_TIMEOUT = Duration.ofMinutes(4);

    LabStatus status(LabLog log);

    void startCluster(LabLog log);

    void stopCluster(LabLog log);

    void deployApps(LabLog log);

    /** The real lab (created on first use, so the app starts without touching kubeconfig). */
    static LabControl of(Supplier<Lab> lab) {
        return new LabControl() {
            @Override
            public LabStatus status(LabLog log) {
                return lab.get().status(log);
            }

            @Override
            public void startCluster(LabLog log) {
                lab.get().startCluster(StartOptions.defaults(), log);
            }

            @Override
            public void stopCluster(LabLog log) {
                lab.get().down(false, log);
            }

            @Override
            public void deployApps(LabLog log) {
                lab.get().applyLabApps(ROLLOUT_TIMEOUT, log);
            }
        };
    }
}
