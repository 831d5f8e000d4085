package dev.falconet.lab.kube;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One row of the dashboard's pod table (what {@code kubectl get pods -o wide} and the minikube
 * dashboard show).
 *
 * @param namespace namespace
 * @param name      pod name
 * @param images    container images, in spec order
 * @param labels    pod labels
 * @param node      node the pod runs on, or "" when not scheduled
 * @param status    kubectl's STATUS column: Running, Pending, ContainerCreating, CrashLoopBackOff, Terminating...
 * @param ready     containers ready
 * @param total     containers in the pod
 * @param restarts  restarts summed over containers
 * @param created   creation time, or null when unknown
 * @param age       kubectl's AGE column (70m, 5d2h)
 */
public record PodRow(String namespace, String name, List<String> images, Map<String, String> labels, String node,
                     String status, int ready, int total, int restarts, Instant created, String age) {
    public PodRow {
        images = List.copyOf(images);
        labels = Map.copyOf(labels);
    }

    /** kubectl's READY column, {@code 1/1}. */
    public String readyColumn() {
        return ready + "/" + total;
    }
}
