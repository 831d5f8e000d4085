package dev.falconet.lab.kube;

import dev.falconet.lab.LabException;
import dev.falconet.lab.LabLog;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Applies manifest files object by object and reports kubectl's lines and equivalent. */
public final class ManifestApply {
    private final ObjectApplier applier;
    private final ManifestLoader loader = new ManifestLoader();

    public ManifestApply(ObjectApplier applier) {
        this.applier = applier;
    }

    /**
     * Applies every object of the file, in file order (namespaces come first in the lab's files).
     *
     * @param shown the file as the equivalent shows it (relative to the checkout)
     */
    public List<AppliedObject> apply(Path file, String shown, LabLog log) {
        List<HasMetadata> objects = loader.load(file);
        String flags = applier.kubectlFlags();
        log.equivalent("kubectl apply " + (flags.isEmpty() ? "" : flags + " ") + "-f " + shown);
        return applyAll(objects, log);
    }

    /** Applies objects already loaded. */
    public List<AppliedObject> applyAll(List<HasMetadata> objects, LabLog log) {
        var out = new ArrayList<AppliedObject>();
        for (HasMetadata o : objects) {
            try {
                AppliedObject a = applier.apply(o);
                log.progress(a.kubectlLine());
                out.add(a);
            } catch (KubernetesClientException e) {
                throw new LabException(ApiErrors.describe(ObjectRef.of(o).describe(), e), e);
            }
        }
        return out;
    }
}
