package dev.falconet.lab;

import dev.falconet.lab.kube.KubeContextStatus;
import dev.falconet.lab.kube.PodRow;
import dev.falconet.lab.minikube.MinikubeStatus;
import dev.falconet.lab.prereq.PrerequisiteReport;
import java.util.List;

/**
 * Everything {@code falconet lab status} shows.
 *
 * @param prerequisites tools and driver
 * @param cluster       minikube's state, or null when minikube is missing
 * @param context       the kube context check, or null when the cluster does not run
 * @param pods          the lab's pods (secured-ns, prod, falconet), empty when the cluster does not run
 * @param sensorDeployed whether our sensor's DaemonSet exists
 * @param equivalents   the commands this status stands for
 */
public record LabStatus(PrerequisiteReport prerequisites, MinikubeStatus cluster, KubeContextStatus context,
                        List<PodRow> pods, boolean sensorDeployed, List<String> equivalents) {
    public LabStatus {
        pods = List.copyOf(pods);
        equivalents = List.copyOf(equivalents);
    }
}
