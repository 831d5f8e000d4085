package dev.falconet.enrich.k8s;

import dev.falconet.enrich.K8sMetadata;
import dev.falconet.event.ContainerInfo;
import dev.falconet.event.K8sInfo;
import java.util.Optional;

/**
 * No Kubernetes metadata, with the reason (e.g. no kubeconfig). Alerts show the reason instead of a
 * bare {@code <NA>}.
 */
public record UnavailableMetadata(String reason) implements K8sMetadata {
    @Override
    public Optional<K8sInfo> lookup(ContainerInfo container) {
        return Optional.empty();
    }

    @Override
    public Optional<String> missingReason(ContainerInfo container) {
        return Optional.of("no Kubernetes metadata: " + reason);
    }
}
