package dev.falconet.lab.exec;

import dev.falconet.lab.LabLog;
import java.nio.file.Path;

/**
 * Runs commands in pods and copies files into them. Each call reports its {@code kubectl exec} /
 * {@code kubectl cp} equivalent. A missing pod, or one that is not running, is a
 * {@link dev.falconet.lab.LabException} naming the pod and what exists instead.
 */
public interface PodExec {
    ExecResult exec(ExecRequest request, LabLog log);

    /**
     * Copies a local file into a pod.
     *
     * @param container container name, or null for the first
     */
    void copyInto(String namespace, String target, String container, Path local, String remotePath, LabLog log);
}
