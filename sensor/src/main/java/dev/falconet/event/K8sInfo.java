package dev.falconet.event;

import java.util.List;
import java.util.Map;

/**
 * Kubernetes metadata of the pod a container belongs to: what the container runtime labels
 * give ({@code k8s.*}) and what the k8smeta plugin adds from the API server ({@code k8smeta.*}).
 * Any field may be null when unknown.
 */
public record K8sInfo(String podName, String podUid, String nsName, Map<String, String> podLabels,
                      String podIp, String nsUid, Map<String, String> nsLabels,
                      String deploymentName, String deploymentUid, String replicaSetName, String replicaSetUid,
                      String daemonSetName, String statefulSetName, List<String> serviceNames, String nodeName) {

    public K8sInfo {
        podLabels = podLabels == null ? Map.of() : Map.copyOf(podLabels);
        nsLabels = nsLabels == null ? Map.of() : Map.copyOf(nsLabels);
        serviceNames = serviceNames == null ? List.of() : List.copyOf(serviceNames);
    }

    /** Metadata that only the container runtime's pod labels give: pod name, uid and namespace. */
    public static K8sInfo fromRuntime(String podName, String podUid, String nsName, Map<String, String> podLabels) {
        return new K8sInfo(podName, podUid, nsName, podLabels, null, null, null, null, null, null, null, null, null, null, null);
    }
}
