package dev.falconet.lab.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * A Kubernetes object by kind, namespace and name, printed the way kubectl does
 * ({@code deployment.apps/ubuntu-deployment}).
 */
public record ObjectRef(String apiVersion, String kind, String namespace, String name) {
    public static ObjectRef of(HasMetadata o) {
        return new ObjectRef(o.getApiVersion(), o.getKind(), o.getMetadata() == null ? null : o.getMetadata().getNamespace(),
                o.getMetadata() == null ? null : o.getMetadata().getName());
    }

    /** {@code deployment.apps/ubuntu-deployment}, {@code pod/foo-app}. */
    public String kubectlName() {
        String group = apiVersion != null && apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        String k = kind == null ? "object" : kind.toLowerCase(java.util.Locale.ROOT);
        return (group.isEmpty() ? k : k + "." + group) + "/" + name;
    }

    /** {@code Deployment secured-ns/ubuntu-deployment}. */
    public String describe() {
        return kind + " " + (namespace == null ? "" : namespace + "/") + name;
    }
}
