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
final class K8sFields extends FieldFamily {
    private static final K8sFields FAMILY = new K8sFields();

    private K8sFields() {}

    private static final String DEPRECATED = "Deprecated container-plugin field, superseded by k8smeta.*; the plugin no longer fills it (always <NA>).";

    static void register(FieldTable t) {
        t.inClass("k8s", FAMILY);
        t.add("k8s.pod.name", FieldType.CHARBUF, "Kubernetes pod name, from the container runtime.");
        t.add("k8s.ns.name", FieldType.CHARBUF, "Kubernetes namespace name, from the container runtime.");
        t.add("k8s.pod.uid", FieldType.CHARBUF, "Kubernetes pod UID.");
        t.add("k8s.pod.id", FieldType.CHARBUF, "Legacy name of k8s.pod.uid.");
        t.add("k8s.pod.sandbox_id", FieldType.CHARBUF, "Short id (12 characters) of the pod sandbox container, from the runtime's labels.");
        t.add("k8s.pod.full_sandbox_id", FieldType.CHARBUF, "Full id of the pod sandbox container, from the runtime's labels.");
        t.withArg("k8s.pod.label", FieldType.CHARBUF, ArgKind.KEY, false,
                "Value of one pod label: k8s.pod.label[app] (also written k8s.pod.label.app).");
        t.add("k8s.pod.labels", FieldType.CHARBUF, "Pod labels as key:value separated by ', '.");
        t.add("k8s.pod.ip", FieldType.CHARBUF, "Pod IP address.");
        t.add("k8s.pod.cni.json", FieldType.CHARBUF, "CNI result of the pod as JSON; not tracked by Falconet (always <NA>).");
        for (String kind : new String[] {"rc", "svc", "rs", "deployment"}) {
            t.deprecated("k8s." + kind + ".name", FieldType.CHARBUF, DEPRECATED);
            t.deprecated("k8s." + kind + ".id", FieldType.CHARBUF, DEPRECATED);
            deprecatedKeyed(t, "k8s." + kind + ".label");
            t.deprecated("k8s." + kind + ".labels", FieldType.CHARBUF, DEPRECATED);
        }
        t.deprecated("k8s.ns.id", FieldType.CHARBUF, DEPRECATED);
        deprecatedKeyed(t, "k8s.ns.label");
        t.deprecated("k8s.ns.labels", FieldType.CHARBUF, DEPRECATED);

        t.inClass("k8smeta", FAMILY);
        t.add("k8smeta.pod.name", FieldType.CHARBUF, "Pod name, from the API server.");
        t.add("k8smeta.pod.uid", FieldType.CHARBUF, "Pod UID.");
        labelPair(t, "k8smeta.pod", "pod");
        t.add("k8smeta.pod.ip", FieldType.CHARBUF, "Pod IP address.");
        t.add("k8smeta.ns.name", FieldType.CHARBUF, "Namespace name, from the API server.");
        t.add("k8smeta.ns.uid", FieldType.CHARBUF, "Namespace UID.");
        labelPair(t, "k8smeta.ns", "namespace");
        t.add("k8smeta.deployment.name", FieldType.CHARBUF, "Name of the Deployment that owns the pod.");
        t.add("k8smeta.deployment.uid", FieldType.CHARBUF, "UID of the owning Deployment.");
        labelPair(t, "k8smeta.deployment", "owning Deployment");
        t.list("k8smeta.svc.name", "Names of the Services that select the pod (a list).");
        t.list("k8smeta.svc.uid", "UIDs of the Services that select the pod (a list).");
        t.withArg("k8smeta.svc.label", FieldType.CHARBUF, ArgKind.KEY, false,
                "The value of one label on each Service that selects the pod (a list): k8smeta.svc.label[app].");
        t.list("k8smeta.svc.labels", "Every label of the Services that select the pod, as key:value items (a list).");
        t.add("k8smeta.rs.name", FieldType.CHARBUF, "Name of the ReplicaSet that owns the pod.");
        t.add("k8smeta.rs.uid", FieldType.CHARBUF, "UID of the owning ReplicaSet.");
        labelPair(t, "k8smeta.rs", "owning ReplicaSet");
        t.add("k8smeta.rc.name", FieldType.CHARBUF, "Name of the ReplicationController that owns the pod.");
        t.add("k8smeta.rc.uid", FieldType.CHARBUF, "UID of the owning ReplicationController.");
        labelPair(t, "k8smeta.rc", "owning ReplicationController");
    }

    @Override
    FieldExtractor extractor(String name) {
        return switch (name) {
            case "k8s.pod.name" -> k(K8sInfo::podName);
            case "k8s.ns.name" -> k(K8sInfo::nsName);
            case "k8s.pod.uid" -> k(K8sInfo::podUid);
            case "k8s.pod.id" -> k(K8sInfo::podUid);
            case "k8s.pod.sandbox_id" -> e -> {
                String id = sandboxId(e);
                return id == null || id.length() <= 12 ? id : id.substring(0, 12);
            };
            case "k8s.pod.full_sandbox_id" -> K8sFields::sandboxId;
            case "k8s.pod.labels" -> k(info -> ContainerFields.labelText(info.podLabels()));
            case "k8s.pod.ip" -> k(K8sInfo::podIp);
            case "k8s.pod.cni.json", "k8s.ns.id", "k8s.ns.labels",
                 "k8s.rc.name", "k8s.rc.id", "k8s.rc.labels", "k8s.svc.name", "k8s.svc.id", "k8s.svc.labels",
                 "k8s.rs.name", "k8s.rs.id", "k8s.rs.labels", "k8s.deployment.name", "k8s.deployment.id", "k8s.deployment.labels" -> e -> null;
            case "k8smeta.pod.name" -> k(K8sInfo::podName);
            case "k8smeta.pod.uid" -> k(K8sInfo::podUid);
            case "k8smeta.pod.ip" -> k(K8sInfo::podIp);
            case "k8smeta.ns.name" -> k(K8sInfo::nsName);
            case "k8smeta.ns.uid" -> k(K8sInfo::nsUid);
            case "k8smeta.deployment.name" -> k(K8sInfo::deploymentName);
            case "k8smeta.deployment.uid" -> k(K8sInfo::deploymentUid);
            case "k8smeta.pod.labels" -> labels(K8sInfo::podLabels);
            case "k8smeta.ns.labels" -> labels(K8sInfo::nsLabels);
            case "k8smeta.deployment.labels" -> labels(ownerLabels(K8sInfo::deploymentName, K8sInfo::deploymentLabels));
            case "k8smeta.rs.labels" -> labels(ownerLabels(K8sInfo::replicaSetName, K8sInfo::replicaSetLabels));
            case "k8smeta.rc.labels" -> labels(ownerLabels(K8sInfo::rcName, K8sInfo::rcLabels));
            case "k8smeta.svc.name" -> list(K8sInfo::serviceNames);
            case "k8smeta.svc.uid" -> list(K8sInfo::serviceUids);
            case "k8smeta.svc.labels" -> k(info -> {
                List<String> out = new ArrayList<>();
                for (Map<String, String> labels : info.serviceLabels()) out.addAll(pairs(labels));
                return out.isEmpty() ? null : out;
            });
            case "k8smeta.rs.name" -> k(K8sInfo::replicaSetName);
            case "k8smeta.rs.uid" -> k(K8sInfo::replicaSetUid);
            case "k8smeta.rc.name" -> k(K8sInfo::rcName);
            case "k8smeta.rc.uid" -> k(K8sInfo::rcUid);
            default -> throw unknown(name);
        };
    }

    @Override
    public BindResult bind(FieldDef def, String key, UseContext ctx) {
        return switch (def.name()) {
            case "k8s.pod.label" -> FieldTable.bound(def, key, k(info -> info.podLabels().get(key)));
            case "k8s.rc.label", "k8s.svc.label", "k8s.rs.label", "k8s.deployment.label", "k8s.ns.label" -> FieldTable.bound(def, key, e -> null);
            case "k8smeta.pod.label" -> FieldTable.bound(def, key, label(key, K8sInfo::podLabels));
            case "k8smeta.ns.label" -> FieldTable.bound(def, key, label(key, K8sInfo::nsLabels));
            case "k8smeta.deployment.label" -> FieldTable.bound(def, key, label(key, ownerLabels(K8sInfo::deploymentName, K8sInfo::deploymentLabels)));
            case "k8smeta.rs.label" -> FieldTable.bound(def, key, label(key, ownerLabels(K8sInfo::replicaSetName, K8sInfo::replicaSetLabels)));
            case "k8smeta.rc.label" -> FieldTable.bound(def, key, label(key, ownerLabels(K8sInfo::rcName, K8sInfo::rcLabels)));
            case "k8smeta.svc.label" -> BindResult.ok(new BoundField(def, key, FieldType.CHARBUF, Multiplicity.LIST, k(info -> {
                List<String> out = new ArrayList<>();
                for (Map<String, String> labels : info.serviceLabels()) {
                    String v = labels.get(key);
                    if (v != null) out.add(v);
                }
                return out.isEmpty() ? null : out;
            })));
            default -> throw unknown(def.name());
        };
    }

    private static void deprecatedKeyed(FieldTable t, String name) {
        t.withArg(name, FieldType.CHARBUF, ArgKind.KEY, true, DEPRECATED);
    }

    /** {@code X.label[key]} (one value) and {@code X.labels} (a list of key:value). */
    private static void labelPair(FieldTable t, String prefix, String what) {
        t.withArg(prefix + ".label", FieldType.CHARBUF, ArgKind.KEY, false, "Value of one label of the " + what + ": " + prefix + ".label[app].");
        t.list(prefix + ".labels", "Every label of the " + what + " as key:value items (a list).");
    }

    /** One label's value ({@code X.label[key]}) of a {@link #labelPair}. */
    private static FieldExtractor label(String key, Function<K8sInfo, Map<String, String>> labels) {
        return k(info -> {
            Map<String, String> m = labels.apply(info);
            return m == null ? null : m.get(key);
        });
    }

    /** Every label as key:value items ({@code X.labels}) of a {@link #labelPair}. */
    private static FieldExtractor labels(Function<K8sInfo, Map<String, String>> labels) {
        return k(info -> {
            Map<String, String> m = labels.apply(info);
            return m == null || m.isEmpty() ? null : pairs(m);
        });
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
