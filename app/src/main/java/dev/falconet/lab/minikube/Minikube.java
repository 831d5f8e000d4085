package dev.falconet.lab.minikube;

import dev.falconet.lab.LabLog;
import java.nio.file.Path;

/**
 * The lab's cluster, as minikube manages it. Every method reports its {@code minikube} command to the
 * log as the equivalent and streams minikube's output lines as progress; failures throw
 * {@link MinikubeException} with minikube's reason and suggestions.
 */
public interface Minikube {
    /** The profile (cluster name) this instance manages. */
    String profile();

    MinikubeStatus status(LabLog log);

    /** Creates or restarts the cluster; returns its status afterwards. */
    MinikubeStatus start(StartOptions options, LabLog log);

    void stop(LabLog log);

    void delete(LabLog log);

    /**
     * Builds an image inside the cluster's container runtime, so pods can use it with
     * {@code imagePullPolicy: Never} and no registry.
     *
     * @param context    the build context directory
     * @param dockerfile the Dockerfile, relative to the context
     */
    void imageBuild(String tag, Path context, String dockerfile, LabLog log);
}
