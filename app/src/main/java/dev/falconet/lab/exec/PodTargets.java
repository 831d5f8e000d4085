package dev.falconet.lab.exec;

import dev.falconet.lab.LabException;
import dev.falconet.lab.kube.ApiErrors;
import dev.falconet.lab.kube.PodRows;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Resolves an exec target ({@code foo-app}, {@code deployment/ubuntu-deployment}) to a running pod, with
 * a clear message when there is none.
 */
public final class PodTargets {
    private PodTargets() {}

    public static Pod resolve(KubernetesClient client, String namespace, String target) {
        try {
            int slash = target.indexOf('/');
            if (slash > 0) {
                String kind = target.substring(0, slash);
                String name = target.substring(slash + 1);
                if (kind.equals("deployment") || kind.equals("deploy") || kind.equals("deployments")) {
                    return fromDeployment(client, namespace, name);
                }
                if (!kind.equals("pod") && !kind.equals("po") && !kind.equals("pods")) {
                    throw new LabException("cannot exec into '" + target + "': use a pod name or deployment/<name>");
                }
                target = name;
            }
            Pod pod = client.pods().inNamespace(namespace).withName(target).get();
            if (pod == null) {
                Deployment d = client.apps().deployments().inNamespace(namespace).withName(target).get();
                if (d != null) return fromDeployment(client, namespace, target);
                throw new LabException("pod " + namespace + "/" + target + " not found; pods in " + namespace + ": "
                        + names(client.pods().inNamespace(namespace).list().getItems()));
            }
            return requireRunning(pod);
        } catch (KubernetesClientException e) {
            throw new LabException(ApiErrors.describe("looking up pod " + namespace + "/" + target, e), e);
        }
    }

    private static Pod fromDeployment(KubernetesClient client, String namespace, String name) {
        Deployment d = client.apps().deployments().inNamespace(namespace).withName(name).get();
        if (d == null) {
            throw new LabException("deployment " + namespace + "/" + name + " not found; deployments in " + namespace + ": "
                    + client.apps().deployments().inNamespace(namespace).list().getItems().stream()
                    .map(x -> x.getMetadata().getName()).sorted().collect(Collectors.joining(", ", "[", "]")));
        }
        var labels = d.getSpec().getSelector().getMatchLabels();
        List<Pod> pods = client.pods().inNamespace(namespace).withLabels(labels).list().getItems();
        return pods.stream().filter(p -> "Running".equals(PodRows.status(p)))
                .min(Comparator.comparing(p -> p.getMetadata().getName()))
                .orElseThrow(() -> new LabException("deployment " + namespace + "/" + name + " has no running pod: "
                        + (pods.isEmpty() ? "none created yet" : names(pods))));
    }

    private static Pod requireRunning(Pod pod) {
        String status = PodRows.status(pod);
        if (!"Running".equals(status)) {
            throw new LabException("pod " + pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName()
                    + " is " + status + ", not Running: wait for it ('kubectl get pods -n "
                    + pod.getMetadata().getNamespace() + " -w')");
        }
        return pod;
    }

    private static String names(List<Pod> pods) {
        return pods.stream().map(p -> p.getMetadata().getName() + " (" + PodRows.status(p) + ")").sorted()
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
