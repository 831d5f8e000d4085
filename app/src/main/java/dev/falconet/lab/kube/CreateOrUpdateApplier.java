package dev.falconet.lab.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;

/**
 * Creates the object, or replaces it when it exists: the client-side way, which fabric8's CRUD mock
 * server supports. Like {@code kubectl apply} without {@code --server-side}, minus the three-way merge.
 */
public final class CreateOrUpdateApplier implements ObjectApplier {
    private final KubernetesClient client;

    public CreateOrUpdateApplier(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public AppliedObject apply(HasMetadata object) {
        HasMetadata before = client.resource(object).get();
        HasMetadata after = client.resource(object).createOr(NonDeletingOperation::update);
        return new AppliedObject(ObjectRef.of(after), before == null ? "created" : "configured");
    }

    @Override
    public String kubectlFlags() {
        return "";
    }
}
