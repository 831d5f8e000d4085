package dev.falconet.enrich.k8s;

import dev.falconet.enrich.K8sMetadata;
import dev.falconet.event.ContainerInfo;
import dev.falconet.event.K8sInfo;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Kubernetes metadata for the sensor, the way Falco's k8s-metacollector and k8smeta plugin provide it:
 * informers keep local caches of pods, namespaces, ReplicaSets and Services up to date, and a
 * container is resolved to its pod by the container id in the pod's status (or by the
 * {@code io.kubernetes.pod.*} labels the runtime puts on the container). Lookups only read the caches,
 * so they never block: a pod that is not cached yet is "unknown" until the watch delivers it.
 */
public final class KubernetesMetadataCache implements K8sMetadata, AutoCloseable {
    static final String BY_CONTAINER_ID = "containerId";
    /** Runtime labels on a pod's containers (docker, containerd and cri-o all set these). */
    public static final String LABEL_POD_NAME = "io.kubernetes.pod.name";
    public static final String LABEL_POD_NAMESPACE = "io.kubernetes.pod.namespace";
    public static final String LABEL_POD_UID = "io.kubernetes.pod.uid";

    private final SharedIndexInformer<Pod> pods;
    private final SharedIndexInformer<Namespace> namespaces;
    private final SharedIndexInformer<ReplicaSet> replicaSets;
    private final SharedIndexInformer<Service> services;
    private final List<SharedIndexInformer<?>> all;
    /** The last failure of each informer, by resource; removed once it lists again. */
    private final Map<String, Throwable> failures = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> synced;
    private volatile boolean closed;

    /**
     * Starts the informers (asynchronously: use {@link #health()} or {@link #awaitSynced()}).
     *
     * @param nodeName only pods of this node are cached (the sensor sees only its node); null for all
     */
    public KubernetesMetadataCache(KubernetesClient client, String nodeName) {
        var podOps = client.pods().inAnyNamespace();
        pods = (nodeName == null ? podOps.runnableInformer(0) : podOps.withField("spec.nodeName", nodeName).runnableInformer(0));
        pods.addIndexers(Map.of(BY_CONTAINER_ID, KubernetesMetadataCache::containerKeys));
        namespaces = client.namespaces().runnableInformer(0);
        replicaSets = client.apps().replicaSets().inAnyNamespace().runnableInformer(0);
        services = client.services().inAnyNamespace().runnableInformer(0);
        all = List.of(pods, namespaces, replicaSets, services);
        watchFailures(pods, "pods");
        watchFailures(namespaces, "namespaces");
        watchFailures(replicaSets, "replicasets");
        watchFailures(services, "services");
        synced = CompletableFuture.allOf(all.stream().map(i -> i.start().toCompletableFuture()).toArray(CompletableFuture[]::new));
    }

    private void watchFailures(SharedIndexInformer<?> informer, String resource) {
        informer.exceptionHandler((started, t) -> {
            failures.put(resource, t);
            // keep retrying: RBAC can be fixed and the API server can come back
            return !closed;
        });
        informer.addEventHandler(new io.fabric8.kubernetes.client.informers.ResourceEventHandler<Object>() {
            @Override public void onAdd(Object obj) { failures.remove(resource); }
            @Override public void onUpdate(Object oldObj, Object newObj) { failures.remove(resource); }
            @Override public void onDelete(Object obj, boolean unknownFinalState) { }
        });
    }

    private static List<String> containerKeys(Pod pod) {
        var st = pod.getStatus();
        if (st == null) return List.of();
        var keys = new ArrayList<String>();
        for (var list : Stream.of(st.getContainerStatuses(), st.getInitContainerStatuses(), st.getEphemeralContainerStatuses()).toList()) {
            if (list == null) continue;
            for (ContainerStatus cs : list) keys.addAll(ContainerIds.keys(cs.getContainerID()));
        }
        return keys;
    }

    /** Blocks until every cache has listed once (tests and the sensor's startup health line use it). */
    public boolean awaitSynced(java.time.Duration timeout) {
        try {
            synced.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The current state: ready, still syncing, or why there is no metadata. */
    public K8sHealth health() {
        if (closed) return new K8sHealth(K8sHealth.State.STOPPED, null);
        for (var e : failures.entrySet()) {
            Throwable t = e.getValue();
            KubernetesClientException kce = kubernetesCause(t);
            if (kce != null && kce.getCode() == 403) {
                return new K8sHealth(K8sHealth.State.RBAC_DENIED, "cannot list/watch " + e.getKey() + " (403"
                        + (kce.getStatus() != null && kce.getStatus().getMessage() != null ? ": " + kce.getStatus().getMessage() : "")
                        + "): the service account needs get/list/watch on " + e.getKey());
            }
        }
        if (!failures.isEmpty() && !synced.isDone()) {
            var e = failures.entrySet().iterator().next();
            return new K8sHealth(K8sHealth.State.UNREACHABLE, e.getKey() + ": " + rootMessage(e.getValue()));
        }
        if (!synced.isDone()) return new K8sHealth(K8sHealth.State.SYNCING, null);
        return new K8sHealth(K8sHealth.State.READY, null);
    }

    @Override
    public Optional<K8sInfo> lookup(ContainerInfo container) {
        Pod pod = findPod(container);
        if (pod == null) {
            // the runtime's labels alone still give the k8s.* basics
            Map<String, String> l = container.labels();
            String name = l.get(LABEL_POD_NAME);
            String ns = l.get(LABEL_POD_NAMESPACE);
            if (name == null || ns == null) return Optional.empty();
            return Optional.of(K8sInfo.fromRuntime(name, l.get(LABEL_POD_UID), ns, Map.of()));
        }
        return Optional.of(describe(pod));
    }

    @Override
    public Optional<String> missingReason(ContainerInfo container) {
        if (findPod(container) != null) return Optional.empty();
        K8sHealth h = health();
        if (!h.ready()) return Optional.of(h.describe());
        return Optional.of("pod of container " + container.id() + " not yet seen by the metadata cache");
    }

    private Pod findPod(ContainerInfo c) {
        for (String id : Stream.of(c.fullId(), c.id()).filter(s -> s != null && !s.isEmpty()).distinct().toList()) {
            List<Pod> hits = pods.getIndexer().byIndex(BY_CONTAINER_ID, id.toLowerCase(java.util.Locale.ROOT));
            if (!hits.isEmpty()) return hits.getFirst();
        }
        String name = c.labels().get(LABEL_POD_NAME);
        String ns = c.labels().get(LABEL_POD_NAMESPACE);
        if (name != null && ns != null) return pods.getStore().getByKey(Cache.namespaceKeyFunc(ns, name));
        return null;
    }

    private K8sInfo describe(Pod pod) {
        var md = pod.getMetadata();
        String ns = md.getNamespace();
        Namespace nsObj = namespaces.getStore().getByKey(ns);
        String rsName = null, rsUid = null, depName = null, depUid = null, dsName = null, stsName = null;
        for (OwnerReference o : owners(md)) {
            switch (o.getKind()) {
                case "ReplicaSet" -> {
                    rsName = o.getName();
                    rsUid = o.getUid();
                    ReplicaSet rs = replicaSets.getStore().getByKey(Cache.namespaceKeyFunc(ns, rsName));
                    if (rs != null) {
                        for (OwnerReference ro : owners(rs.getMetadata())) {
                            if ("Deployment".equals(ro.getKind())) {
                                depName = ro.getName();
                                depUid = ro.getUid();
                            }
                        }
                    }
                }
                case "DaemonSet" -> dsName = o.getName();
                case "StatefulSet" -> stsName = o.getName();
                default -> { }
            }
        }
        Map<String, String> labels = md.getLabels() == null ? Map.of() : md.getLabels();
        List<String> svc = services.getIndexer().byIndex(Cache.NAMESPACE_INDEX, ns).stream()
                .filter(s -> selects(s, labels)).map(s -> s.getMetadata().getName()).sorted().toList();
        return new K8sInfo(md.getName(), md.getUid(), ns, labels,
                pod.getStatus() == null ? null : pod.getStatus().getPodIP(),
                nsObj == null ? null : nsObj.getMetadata().getUid(),
                nsObj == null ? null : nsObj.getMetadata().getLabels(),
                depName, depUid, rsName, rsUid, dsName, stsName, svc,
                pod.getSpec() == null ? null : pod.getSpec().getNodeName());
    }

    private static List<OwnerReference> owners(io.fabric8.kubernetes.api.model.ObjectMeta md) {
        return md == null || md.getOwnerReferences() == null ? List.of() : md.getOwnerReferences();
    }

    /** A Service selects a pod when its selector is non-empty and every selector label matches. */
    private static boolean selects(Service s, Map<String, String> podLabels) {
        Map<String, String> sel = s.getSpec() == null ? null : s.getSpec().getSelector();
        if (sel == null || sel.isEmpty()) return false;
        return sel.entrySet().stream().allMatch(e -> e.getValue().equals(podLabels.get(e.getKey())));
    }

    private static KubernetesClientException kubernetesCause(Throwable t) {
        for (; t != null; t = t.getCause()) if (t instanceof KubernetesClientException k) return k;
        return null;
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) t = t.getCause();
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** Number of pods cached (for the health line). */
    public int cachedPods() {
        return pods.getStore().list().size();
    }

    @Override
    public void close() {
        closed = true;
        all.forEach(SharedIndexInformer::close);
    }
}
