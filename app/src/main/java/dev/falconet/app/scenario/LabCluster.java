package dev.falconet.app.scenario;

import dev.falconet.lab.Lab;
import dev.falconet.lab.LabLog;
import dev.falconet.lab.exec.ExecRequest;
import dev.falconet.lab.exec.ExecResult;
import dev.falconet.output.Alert;
import java.util.function.Consumer;

/** What the minikube backend needs from the lab cluster: exec into pods, and the in-cluster sensor's alerts. */
public interface LabCluster extends AutoCloseable {
    /** Runs a command in a pod ({@code kubectl exec}); a missing pod or cluster is a {@link dev.falconet.lab.LabException}. */
    ExecResult exec(ExecRequest request, LabLog log);

    /** Follows the in-cluster sensor's alerts until the returned handle is closed. */
    AutoCloseable followAlerts(Consumer<Alert> alerts, Consumer<String> problems, LabLog log);

    @Override
    void close();

    /** The lab on this machine: {@code kubectl exec}, and the log of the sensor's DaemonSet pod. */
    static LabCluster of(Lab lab) {
        return new LabCluster() {
            public ExecResult exec(ExecRequest request, LabLog log) {
                return lab.exec(request, true, log);
            }

            public AutoCloseable followAlerts(Consumer<Alert> alerts, Consumer<String> problems, LabLog log) {
                return lab.sensor().streamAlerts(alerts, problems, log);
            }

            public void close() {
                lab.close();
            }
        };
    }
}
