package dev.falconet.lab.kube;

import dev.falconet.lab.LabException;
import dev.falconet.lab.LabLog;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Waits until workloads are ready, with a timeout, and says what is still wrong when it runs out
 * (e.g. a pod stuck in ImagePullBackOff).
 */
public final class Rollouts {
    private final KubernetesClient client;

    public Rollouts(KubernetesClient client) {
        this.client = client;
    }

    /** Waits for every Deployment, DaemonSet and Pod among {@code objects}; other kinds need no wait. */
    public void waitForAll(List<? extends HasMetadata> objects, Duration timeout, LabLog log) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (HasMetadata o : objects) {
            Duration left = Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()));
            String ns = o.getMetadata().getNamespace();
            String name = o.getMetadata().getName();
            switch (o) {
                case Deployment d -> waitForDeployment(ns, name, left, log);
                case DaemonSet d -> waitForDaemonSet(ns, name, left, log);
                case Pod p -> waitForPod(ns, name, left, log);
                default -> { }
            }
        }
    }

    public void waitForDeployment(String ns, String name, Duration timeout, LabLog log) {
        log.equivalent("kubectl rollout status deployment/" + name + " -n " + ns + " --timeout=" + timeout.toSeconds() + "s");
        var r = client.apps().deployments().inNamespace(ns).withName(name);
        await("deployment/" + name, ns, timeout, () -> r.waitUntilCondition(Rollouts::deploymentReady, timeout.toMillis(), TimeUnit.MILLISECONDS),
                () -> describeDeployment(r.get()), r.get() == null ? null : r.get().getSpec().getSelector().getMatchLabels());
        log.progress("deployment \"" + name + "\" successfully rolled out");
    }

    public void waitForDaemonSet(String ns, String name, Duration timeout, LabLog log) {
        log.equivalent("kubectl rollout status daemonset/" + name + " -n " + ns + " --timeout=" + timeout.toSeconds() + "s");
        var r = client.apps().daemonSets().inNamespace(ns).withName(name);
        await("daemonset/" + name, ns, timeout, () -> r.waitUntilCondition(Rollouts::daemonSetReady, timeout.toMillis(), TimeUnit.MILLISECONDS),
                () -> describeDaemonSet(r.get()), r.get() == null ? null : r.get().getSpec().getSelector().getMatchLabels());
        log.progress("daemon set \"" + name + "\" successfully rolled out");
    }

    public void waitForPod(String ns, String name, Duration timeout, LabLog log) {
        log.equivalent("kubectl wait --for=condition=Ready pod/" + name + " -n " + ns + " --timeout=" + timeout.toSeconds() + "s");
        var r = client.pods().inNamespace(ns).withName(name);
        await("pod/" + name, ns, timeout, () -> r.waitUntilCondition(Rollouts::podReady, timeout.toMillis(), TimeUnit.MILLISECONDS),
                () -> r.get() == null ? "it does not exist" : "its status is " + PodRows.status(r.get()), null);
        log.progress("pod/" + name + " condition met");
    }

    private void await(String what, String ns, Duration timeout, Runnable wait, java.util.function.Supplier<String> state,
                       Map<String, String> podSelector) {
        try {
            wait.run();
        } catch (KubernetesClientTimeoutException e) {
            throw new LabException(what + " in " + ns + " is not ready after " + human(timeout) + ": " + state.get()
                    + podProblems(ns, podSelector));
        } catch (KubernetesClientException e) {
            if (e.getCause() instanceof java.util.concurrent.TimeoutException) {
                throw new LabException(what + " in " + ns + " is not ready after " + human(timeout) + ": " + state.get()
                        + podProblems(ns, podSelector));
            }
            throw new LabException(ApiErrors.describe("waiting for " + what + " in " + ns, e), e);
        }
    }

    private String podProblems(String ns, Map<String, String> selector) {
        if (selector == null || selector.isEmpty()) return "";
        List<Pod> pods = client.pods().inNamespace(ns).withLabels(selector).list().getItems();
        if (pods.isEmpty()) return "; no pods were created yet";
        return "; pods: " + pods.stream().map(p -> p.getMetadata().getName() + " " + PodRows.status(p))
                .collect(Collectors.joining(", "));
    }

    static boolean deploymentReady(Deployment d) {
        if (d == null || d.getStatus() == null) return false;
        int want = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
        var st = d.getStatus();
        if (d.getMetadata().getGeneration() != null && st.getObservedGeneration() != null
                && st.getObservedGeneration() < d.getMetadata().getGeneration()) return false;
        return nz(st.getReadyReplicas()) >= want && nz(st.getUpdatedReplicas()) >= want;
    }

    static boolean daemonSetReady(DaemonSet d) {
        if (d == null || d.getStatus() == null) return false;
        var st = d.getStatus();
        int want = nz(st.getDesiredNumberScheduled());
        return want > 0 && nz(st.getNumberReady()) >= want && nz(st.getUpdatedNumberScheduled()) >= want;
    }

    static boolean podReady(Pod p) {
        return p != null && p.getStatus() != null && p.getStatus().getConditions() != null
                && p.getStatus().getConditions().stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    private static String describeDeployment(Deployment d) {
        if (d == null) return "it does not exist";
        int want = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
        return nz(d.getStatus() == null ? null : d.getStatus().getReadyReplicas()) + " of " + want + " replicas ready";
    }

    private static String describeDaemonSet(DaemonSet d) {
        if (d == null) return "it does not exist";
        var st = d.getStatus();
        return nz(st == null ? null : st.getNumberReady()) + " of " + nz(st == null ? null : st.getDesiredNumberScheduled())
                + " pods ready";
    }

    private static String human(Duration d) {
        return d.toMillis() < 1000 ? d.toMillis() + " ms" : d.toSeconds() + " s";
    }

    private static int nz(Integer i) {
        return i == null ? 0 : i;
    }
}
