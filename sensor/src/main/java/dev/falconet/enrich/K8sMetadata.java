package dev.falconet.enrich;

import dev.falconet.event.ContainerInfo;
import dev.falconet.event.K8sInfo;
import java.util.Optional;

/**
 * Where the sensor's enrich stage gets Kubernetes metadata for a container: the in-cluster
 * enricher answers from the API server (by container id or by the pod labels the runtime set);
 * outside a cluster there is none.
 */
public interface K8sMetadata {
    /** The pod metadata of this container, or empty when unknown (yet). Must not block for long. */
    Optional<K8sInfo> lookup(ContainerInfo container);

    /**
     * Why {@link #lookup} has nothing for this container (no kubeconfig, RBAC refused, pod not yet
     * seen...), for alerts to show instead of a bare {@code <NA>}; empty when there is no reason to give.
     */
    default Optional<String> missingReason(ContainerInfo container) {
        return Optional.empty();
    }

    K8sMetadata NONE = c -> Optional.empty();
}
