package dev.falconet.lab.minikube;

import java.util.ArrayList;
import java.util.List;

/**
 * Options for {@code minikube start}. Null or zero fields are left to minikube's defaults.
 *
 * @param driver            {@code docker}, {@code podman}, {@code kvm2}...
 * @param kubernetesVersion e.g. {@code v1.32.0}
 * @param cpus              CPUs for the node
 * @param memoryMb          memory for the node in MiB
 */
public record StartOptions(String driver, String kubernetesVersion, int cpus, int memoryMb) {
    /** The lab's defaults: 2 CPUs and 4 GiB, minikube picks the driver. */
    public static StartOptions defaults() {
        return new StartOptions(null, null, 2, 4096);
    }

    /** The flags these options add to {@code minikube start}. */
    public List<String> flags() {
        var f = new ArrayList<String>();
        if (driver != null && !driver.isBlank()) f.add("--driver=" + driver);
        if (kubernetesVersion != null && !kubernetesVersion.isBlank()) f.add("--kubernetes-version=" + kubernetesVersion);
        if (cpus > 0) f.add("--cpus=" + cpus);
        if (memoryMb > 0) f.add("--memory=" + memoryMb);
        return f;
    }
}
