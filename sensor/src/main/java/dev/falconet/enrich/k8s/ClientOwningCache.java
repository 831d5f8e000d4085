package dev.falconet.enrich.k8s;

import dev.falconet.enrich.K8sMetadata;
import dev.falconet.event.ContainerInfo;
import dev.falconet.event.K8sInfo;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Optional;

/** A {@link KubernetesMetadataCache} that also closes the client it was built on. */
public record ClientOwningCache(KubernetesMetadataCache cache, KubernetesClient client) implements K8sMetadata, AutoCloseable {
    @Override
    public Optional<K8sInfo> lookup(ContainerInfo container) {
        return cache.lookup(container);
    }

    @Override
    public Optional<String> missingReason(ContainerInfo container) {
        return cache.missingReason(container);
    }

    public K8sHealth health() {
        return cache.health();
    }

    @Override
    public void close() {
        cache.close();
        client.close();
    }
}
