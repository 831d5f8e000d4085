package dev.falconet.lab.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Objects;

/** Server-side apply with field manager {@code falconet}, taking over fields another manager set. */
public final class ServerSideApplier implements ObjectApplier {
    public static final String FIELD_MANAGER = "falconet";
    private final KubernetesClient client;

    public ServerSideApplier(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public AppliedObject apply(HasMetadata object) {
        HasMetadata before = client.resource(object).get();
        HasMetadata after = client.resource(object).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
        String action = before == null ? "created"
                : Objects.equals(before.getMetadata().getResourceVersion(), after.getMetadata().getResourceVersion())
                ? "unchanged" : "configured";
        return new AppliedObject(ObjectRef.of(after), action);
    }

    @Override
    public String kubectlFlags() {
        return "--server-side --field-manager=" + FIELD_MANAGER + " --force-conflicts";
    }
}
