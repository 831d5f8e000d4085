package dev.falconet.fields;

import dev.falconet.event.ContainerInfo;
import dev.falconet.event.Event;
import dev.falconet.event.K8sInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Kubernetes fields: {@code k8s.*} as the container plugin gives them (from the runtime's pod
 * labels) and {@code k8smeta.*} as the k8smeta plugin gives them (from the API server). All are
 * missing ({@code <NA>}) for threads that are not in a known pod.
 */
final class K8sFields {
    private K8sFields() {}

    private static final String DEPRECATED = "Deprecated container-plugin field, superseded by k8smeta.*; the plugin no longer fills it (always <NA>).";

    static void register(FieldTable t) {
        t.inClass("k8s");
        t.add("k8s.pod.name", FieldType.CHARBUF, "Kubernetes pod name, from the container runtime.", k(K8sInfo::podName));
        t.add("k8s.ns.name", FieldType.CHARBUF, "Kubernetes namespace name, from the container runtime.", k(K8sInfo::nsName));
        t.add("k8s.pod.uid", FieldType.CHARBUF, "Kubernetes pod UID.", k(K8sInfo::podUid));
        t.add("k8s.pod.id", FieldType.CHARBUF, "Legacy name of k8s.pod.uid.", k(K8sInfo::podUid));
        t.add("k8s.pod.sandbox_id", FieldType.CHARBUF, "Short id (12 characters) of the pod sandbox container, from the runtime's labels.", e -> {
            String id = sandboxId(e);
            return id == null || id.length() <= 12 ? id : id.substring(0, 12);
        });
        t.add("k8s.pod.full_sandbox_id", FieldType.CHARBUF, "Full id of the pod sandbox container, from the runtime's labels.", K8sFields::sandboxId);
        t.keyed("k8s.pod.label", FieldType.CHARBUF, "Value of one pod label: k8s.pod.label[app] (also written k8s.pod.label.app).",
                key -> k(info -> info.podLabels().get(key)));
        t.add("k8s.pod.labels", FieldType.CHARBUF, "Pod labels as key:value separated by ', '.", k(info -> ContainerFields.labelText(info.podLabels())));
        t.add("k8s.pod.ip", FieldType.CHARBUF, "Pod IP address.", k(K8sInfo::podIp));
        t.add("k8s.pod.cni.json", FieldType.CHARBUF, "CNI result of the pod as JSON; not tracked by Falconet (always <NA>).", e -> null);
        for (String kind : new String[] {"rc", "svc", "rs", "deployment"}) {
            t.deprecated("k8s." + kind + ".name", FieldType.CHARBUF, DEPRECATED, e -> null);
            t.deprecated("k8s." + kind + ".id", FieldType.CHARBUF, DEPRECATED, e -> null);
            deprecatedKeyed(t, "k8s." + kind + ".label");
            t.deprecated("k8s." + kind + ".labels", FieldType.CHARBUF, DEPRECATED, e -> null);
        }
        t.deprecated("k8s.ns.id", FieldType.CHARBUF, DEPRECATED, e -> null);
        deprecatedKeyed(t, "k8s.ns.label");
        t.deprecated("k8s.ns.labels", FieldType.CHARBUF, DEPRECATED, e -> null);

        t.inClass("k8smeta");
        t.add("k8smeta.pod.name", FieldType.CHARBUF, "Pod name, from the API server.", k(K8sInfo::podName));
        t.add("k8smeta.pod.uid", FieldType.CHARBUF, "Pod UID.", k(K8sInfo::podUid));
        labelPair(t, "k8smeta.pod", "pod", K8sInfo::podLabels);
        t.add("k8smeta.pod.ip", FieldType.CHARBUF, "Pod IP address.", k(K8sInfo::podIp));
        t.add("k8smeta.ns.name", FieldType.CHARBUF, "Namespace name, from the API server.", k(K8sInfo::nsName));
        t.add("k8smeta.ns.uid", FieldType.CHARBUF, "Namespace UID.", k(K8sInfo::nsUid));
        labelPair(t, "k8smeta.ns", "namespace", K8sInfo::nsLabels);
        t.add("k8smeta.deployment.name", FieldType.CHARBUF, "Name of the Deployment that owns the pod.", k(K8sInfo::deploymentName));
        t.add("k8smeta.deployment.uid", FieldType.CHARBUF, "UID of the owning Deployment.", k(K8sInfo::deploymentUid));
        labelPair(t, "k8smeta.deployment", "owning Deployment", ownerLabels(K8sInfo::deploymentName, K8sInfo::deploymentLabels));
        t.list("k8smeta.svc.name", "Names of the Services that select the pod (a list).", list(K8sInfo::serviceNames));
        t.list("k8smeta.svc.uid", "UIDs of the Services that select the pod (a list).", list(K8sInfo::serviceUids));
        t.withArg("k8smeta.svc.label", FieldType.CHARBUF, ArgKind.KEY, false,
                "The value of one label on each Service that selects the pod (a list): k8smeta.svc.label[app].",
                (def, key, ctx) -> BindResult.ok(new BoundField(def, key, FieldType.CHARBUF, Multiplicity.LIST, k(info -> {
                    List<String> out = new ArrayList<>();
                    for (Map<String, String> labels : info.serviceLabels()) {
                        String v = labels.get(key);
                        if (v != null) out.add(v);
                    }
                    return out.isEmpty() ? null : out;
                }))));
        t.list("k8smeta.svc.labels", "Every label of the Services that select the pod, as key:value items (a list).", k(info -> {
            List<String> out = new ArrayList<>();
            for (Map<String, String> labels : info.serviceLabels()) out.addAll(pairs(labels));
            return out.isEmpty() ? null : out;
        }));
        t.add("k8smeta.rs.name", FieldType.CHARBUF, "Name of the ReplicaSet that owns the pod.", k(K8sInfo::replicaSetName));
        t.add("k8smeta.rs.uid", FieldType.CHARBUF, "UID of the owning ReplicaSet.", k(K8sInfo::replicaSetUid));
        labelPair(t, "k8smeta.rs", "owning ReplicaSet", ownerLabels(K8sInfo::replicaSetName, K8sInfo::replicaSetLabels));
        t.add("k8smeta.rc.name", FieldType.CHARBUF, "Name of the ReplicationController that owns the pod.", k(K8sInfo::rcName));
        t.add("k8smeta.rc.uid", FieldType.CHARBUF, "UID of the owning ReplicationController.", k(K8sInfo::rcUid));
        labelPair(t, "k8smeta.rc", "owning ReplicationController", ownerLabels(K8sInfo::rcName, K8sInfo::rcLabels));
    }

    private static void deprecatedKeyed(FieldTable t, String name) {
        t.withArg(name, FieldType.CHARBUF, ArgKind.KEY, true, DEPRECATED,
                (def, arg, ctx) -> BindResult.ok(new BoundField(def, arg, FieldType.CHARBUF, Multiplicity.SINGLE, e -> null)));
    }

    /** {@code X.label[key]} (one value) and {@code X.labels} (a list of key:value). */
    private static void labelPair(FieldTable t, String prefix, String what, Function<K8sInfo, Map<String, String>> labels) {
        t.keyed(prefix + ".label", FieldType.CHARBUF, "Value of one label of the " + what + ": " + prefix + ".label[app].",
                key -> k(info -> {
                    Map<String, String> m = labels.apply(info);
                    return m == null ? null : m.get(key);
                }));
        t.list(prefix + ".labels", "Every label of the " + what + " as key:value items (a list).", k(info -> {
            Map<String, String> m = labels.apply(info);
            return m == null || m.isEmpty() ? null : pairs(m);
        }));
    }

    /** Owner labels are only meaningful when the owner is known. */
    private static Function<K8sInfo, Map<String, String>> ownerLabels(Function<K8sInfo, String> owner,
                                                                       Function<K8sInfo, Map<String, String>> labels) {
        return info -> owner.apply(info) == null ? null : labels.apply(info);
    }

    private static List<String> pairs(Map<String, String> labels) {
        List<String> out = new ArrayList<>(labels.size());
        for (Map.Entry<String, String> l : new TreeMap<>(labels).entrySet()) out.add(l.getKey() + ":" + l.getValue());
        return out;
    }

    private static FieldExtractor list(Function<K8sInfo, List<String>> f) {
        return k(info -> {
            List<String> l = f.apply(info);
            return l == null || l.isEmpty() ? null : l;
        });
    }

    private static FieldExtractor k(Function<K8sInfo, Object> f) {
        return e -> {
            ContainerInfo c = e.thread().container();
            K8sInfo info = c == null ? null : c.k8s();
            return info == null ? null : f.apply(info);
        };
    }

    private static String sandboxId(Event e) {
        ContainerInfo c = e.thread().container();
        if (c == null) return null;
        String id = c.labels().get("io.kubernetes.sandbox.id");
        if (id == null) id = c.labels().get("io.kubernetes.cri-o.SandboxID");
        return id;
    }
}
