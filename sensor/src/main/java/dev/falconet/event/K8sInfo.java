package dev.falconet.event;

import java.util.List;
import java.util.Map;

/**
 * Kubernetes metadata of the pod a container belongs to: what the container runtime labels
 * give ({@code k8s.*}) and what the k8smeta plugin adds from the API server ({@code k8smeta.*}).
 * Any field may be null when unknown.
 *
 * <p>The owner labels and the ReplicationController / Service details at the end feed the
 * {@code k8smeta.*.label(s)}, {@code k8smeta.rc.*} and {@code k8smeta.svc.*} fields; the
 * 15-argument constructor leaves them empty.
 */
public record K8sInfo(String podName, String podUid, String nsName, Map<String, String> podLabels,
                      String podIp, String nsUid, Map<String, String> nsLabels,
                      String deploymentName, String deploymentUid, String replicaSetName, String replicaSetUid,
                      String daemonSetName, String statefulSetName, List<String> serviceNames, String nodeName,
                      Map<String, String> deploymentLabels, Map<String, String> replicaSetLabels,
                      String rcName, String rcUid, Map<String, String> rcLabels,
                      List<String> serviceUids, List<Map<String, String>> serviceLabels) {

    public K8sInfo {
        podLabels = podLabels == null ? Map.of() : Map.copyOf(podLabels);
        nsLabels = nsLabels == null ? Map.of() : Map.copyOf(nsLabels);
        serviceNames = serviceNames == null ? List.of() : List.copyOf(serviceNames);
        deploymentLabels = deploymentLabels == null ? Map.of() : Map.copyOf(deploymentLabels);
        replicaSetLabels = replicaSetLabels == null ? Map.of() : Map.copyOf(replicaSetLabels);
        rcLabels = rcLabels == null ? Map.of() : Map.copyOf(rcLabels);
        serviceUids = serviceUids == null ? List.of() : List.copyOf(serviceUids);
        serviceLabels = serviceLabels == null ? List.of() : serviceLabels.stream().map(Map::copyOf).toList();
    }

    /** Pod, namespace and owner metadata without the owner labels, ReplicationController and Service details. */
    public K8sInfo(String podName, String podUid, String nsName, Map<String, String> podLabels,
                   String podIp, String nsUid, Map<String, String> nsLabels,
                   String deploymentName, String deploymentUid, String replicaSetName, String replicaSetUid,
                   String daemonSetName, String statefulSetName, List<String> serviceNames, String nodeName) {
        this(podName, podUid, nsName, podLabels, podIp, nsUid, nsLabels, deploymentName, deploymentUid,
                replicaSetName, replicaSetUid, daemonSetName, statefulSetName, serviceNames, nodeName,
                null, null, null, null, null, null, null);
    }

    /** Metadata that only the container runtime's pod labels give: pod name, uid and namespace. */
    public static K8sInfo fromRuntime(String podName, String podUid, String nsName, Map<String, String> podLabels) {
        return new K8sInfo(podName, podUid, nsName, podLabels, null, null, null, null, null, null, null, null, null, null, null);
    }
}
