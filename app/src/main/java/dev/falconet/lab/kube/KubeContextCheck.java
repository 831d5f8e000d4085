package dev.falconet.lab.kube;

import dev.falconet.lab.LabLog;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/** Checks that the current kube context is the lab's minikube profile and that its API server answers. */
public final class KubeContextCheck {
    private KubeContextCheck() {}

    public static KubeContextStatus check(KubernetesClient client, String expectedContext, LabLog log) {
        log.equivalent("kubectl config current-context");
        Config cfg = client.getConfiguration();
        String ctx = cfg.getCurrentContext() == null ? null : cfg.getCurrentContext().getName();
        String file = cfg.getFile() == null ? null : cfg.getFile().toString();
        boolean expected = expectedContext.equals(ctx);
        log.equivalent("kubectl version");
        try {
            var v = client.getKubernetesVersion();
            String version = v == null ? null : v.getGitVersion();
            String msg = expected ? "context '" + ctx + "' answers" + (version == null ? "" : " (Kubernetes " + version + ")")
                    : "kubectl points at context '" + ctx + "', not the lab's '" + expectedContext
                    + "': run 'kubectl config use-context " + expectedContext + "'";
            return new KubeContextStatus(file, ctx, expected, true, version, msg);
        } catch (KubernetesClientException e) {
            String why = ctx == null
                    ? "no kubeconfig context: start the lab cluster with 'falconet lab up' (minikube start writes it)"
                    : ApiErrors.describe("context '" + ctx + "'", e);
            return new KubeContextStatus(file, ctx, expected, false, null, why);
        }
    }
}
