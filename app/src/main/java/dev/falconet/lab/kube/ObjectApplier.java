package dev.falconet.lab.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Makes one object in the cluster look like the manifest says. On a real API server this is
 * server-side apply; fabric8's mock server does not implement it, so tests use create-or-update.
 */
public interface ObjectApplier {
    AppliedObject apply(HasMetadata object);

    /** The kubectl flags this strategy stands for ({@code --server-side}, or none). */
    String kubectlFlags();
}
