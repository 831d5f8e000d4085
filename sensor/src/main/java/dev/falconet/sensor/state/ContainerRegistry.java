package dev.falconet.sensor.state;

import dev.falconet.enrich.K8sMetadata;
import dev.falconet.event.ContainerInfo;
import dev.falconet.event.K8sInfo;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every container seen, by full id. The first sighting asks the runtime for metadata (once,
 * with a timeout: fields like {@code container.name} are then right from the first event);
 * the Kubernetes enricher may add pod metadata later through {@link #enrichK8s}.
 */
public final class ContainerRegistry {
    private static final long K8S_RETRY_NANOS = 2_000_000_000L;

    private final ContainerRuntime runtime;
    private final K8sMetadata k8s;
    private final Map<String, ContainerInfo> byId = new HashMap<>();
    private final Map<String, Long> k8sTried = new HashMap<>();

    public ContainerRegistry(ContainerRuntime runtime, K8sMetadata k8s) {
        this.runtime = runtime;
        this.k8s = k8s == null ? K8sMetadata.NONE : k8s;
    }

    /** The container for this reference, looked up on first sight. */
    public ContainerInfo get(ContainerRef ref) {
        ContainerInfo c = byId.get(ref.fullId());
        if (c != null) return c;
        Optional<ContainerInfo> meta = runtime == null ? Optional.empty() : runtime.inspect(ref);
        c = meta.orElseGet(() -> new ContainerInfo(ref.shortId(), ref.fullId(), ref.runtime(), null, null, null,
                null, null, null, null, 0, null, null, null));
        byId.put(ref.fullId(), c);
        return c;
    }

    /** The newest version of a container record (after enrichment), or the record itself. */
    public ContainerInfo current(ContainerInfo c) {
        ContainerInfo now = byId.get(c.fullId());
        return now == null ? c : now;
    }

    /**
     * The enrich stage: asks the Kubernetes enricher for pod metadata of a container that has
     * none yet (at most every two seconds per container); returns the newest record.
     */
    public ContainerInfo enrichK8s(ContainerInfo c, long nowNanos) {
        ContainerInfo cur = current(c);
        if (cur.k8s() != null || k8s == K8sMetadata.NONE) return cur;
        Long last = k8sTried.get(cur.fullId());
        if (last != null && nowNanos - last < K8S_RETRY_NANOS) return cur;
        k8sTried.put(cur.fullId(), nowNanos);
        Optional<K8sInfo> info = k8s.lookup(cur);
        if (info.isEmpty()) return cur;
        ContainerInfo enriched = cur.withK8s(info.get());
        byId.put(cur.fullId(), enriched);
        return enriched;
    }

    public int size() {
        return byId.size();
    }
}
