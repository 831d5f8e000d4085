package dev.falconet.scenario.podman;

import dev.falconet.enrich.K8sMetadata;
import dev.falconet.event.ContainerInfo;
import dev.falconet.event.K8sInfo;
import dev.falconet.scenario.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The podman backend's stand-in for the Kubernetes metadata enricher: a local container that plays a pod
 * of the lab is described to the sensor as that pod (namespace, pod and deployment names, the labels of the
 * deployment's pod template in {@code lab-manifests/}), so {@code k8s.*} and {@code k8smeta.*} fields work in a
 * live podman run too. Containers are known by name before they start, so the first event already has them.
 */
final class LabPods implements K8sMetadata {
    private final Map<String, K8sInfo> byContainerName = new ConcurrentHashMap<>();
    private final Path manifests;
    private final String node;

    /** @param manifests the {@code lab-manifests} directory (labels are read from it; absent: no labels) */
    LabPods(Path manifests, String node) {
        this.manifests = manifests;
        this.node = node;
    }

    /** The local container name of a pod of the lab, in the run with this token. */
    static String containerName(String token, Target.Pod pod) {
        return "falconet-" + token + "-" + pod.namespace() + "-" + pod.deployment();
    }

    /** Describes this container as the pod. */
    void register(String containerName, Target.Pod pod) {
        String rs = pod.deployment() + "-falconet";
        Map<String, String> labels = templateLabels(pod);
        K8sInfo info = new K8sInfo(rs + "-lab", "falconet-" + containerName, pod.namespace(), labels, null, null,
                Map.of("kubernetes.io/metadata.name", pod.namespace()), pod.deployment(), null, rs, null, null, null, List.of(), node);
        byContainerName.put(containerName, info);
    }

    /** Forgets a container. */
    void unregister(String containerName) {
        byContainerName.remove(containerName);
    }

    @Override
    public Optional<K8sInfo> lookup(ContainerInfo container) {
        return Optional.ofNullable(byContainerName.get(container.name()));
    }

    @Override
    public Optional<String> missingReason(ContainerInfo container) {
        return Optional.of("not a pod of the lab: a local container");
    }

    /** The labels of the deployment's pod template in lab-manifests/*.yaml; {app: NAME} when none is found. */
    private Map<String, String> templateLabels(Target.Pod pod) {
        if (manifests != null && Files.isDirectory(manifests)) {
            try (Stream<Path> s = Files.list(manifests)) {
                for (Path f : s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                    Map<String, String> l = labelsIn(Files.readString(f), pod);
                    if (l != null) return l;
                }
            } catch (IOException | RuntimeException e) {
                // unreadable manifests: fall back to the default labels below
            }
        }
        return Map.of("app", pod.deployment().replaceFirst("-deployment$", ""));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> labelsIn(String yaml, Target.Pod pod) {
        for (Object doc : new Load(LoadSettings.builder().build()).loadAllFromString(yaml)) {
            if (!(doc instanceof Map<?, ?> m) || !"Deployment".equals(m.get("kind"))) continue;
            if (!(m.get("metadata") instanceof Map<?, ?> meta)) continue;
            if (!pod.deployment().equals(meta.get("name")) || !pod.namespace().equals(meta.get("namespace"))) continue;
            Object labels = dig(m, "spec", "template", "metadata", "labels");
            if (labels instanceof Map<?, ?> lm) {
                Map<String, String> out = new LinkedHashMap<>();
                lm.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
                return out;
            }
        }
        return null;
    }

    private static Object dig(Object o, String... path) {
        for (String p : path) {
            if (!(o instanceof Map<?, ?> m)) return null;
            o = m.get(p);
        }
        return o;
    }
}
