package dev.falconet.enrich.k8s;

import dev.falconet.enrich.K8sMetadata;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Picks the sensor's Kubernetes metadata source: the informer cache when a kubeconfig is reachable
 * (in a pod: the service account; outside: {@code $KUBECONFIG} or {@code ~/.kube/config}), otherwise
 * an {@link UnavailableMetadata} that says why.
 */
public final class K8sMetadataSources {
    static final Path SERVICE_ACCOUNT_TOKEN = Path.of("/var/run/secrets/kubernetes.io/serviceaccount/token");

    private K8sMetadataSources() {}

    /** What this machine offers, from the process environment and home directory. */
    public static K8sMetadata fromEnvironment(String nodeName) {
        return connect(nodeName, System.getenv(), Path.of(System.getProperty("user.home")), SERVICE_ACCOUNT_TOKEN);
    }

    /** Why this process has no kubeconfig to use, or empty when it has one. */
    public static java.util.Optional<String> whyNoConfigHere() {
        return java.util.Optional.ofNullable(whyNoConfig(System.getenv(), Path.of(System.getProperty("user.home")),
                SERVICE_ACCOUNT_TOKEN));
    }

    static K8sMetadata connect(String nodeName, Map<String, String> env, Path home, Path serviceAccountToken) {
        String why = whyNoConfig(env, home, serviceAccountToken);
        if (why != null) return new UnavailableMetadata(why);
        KubernetesClient client;
        try {
            client = new KubernetesClientBuilder().withConfig(Config.autoConfigure(null)).build();
        } catch (KubernetesClientException e) {
            return new UnavailableMetadata("the kubeconfig cannot be used: " + e.getMessage());
        }
        return new ClientOwningCache(new KubernetesMetadataCache(client, nodeName), client);
    }

    /** Null when a kubeconfig is reachable; otherwise why not. */
    static String whyNoConfig(Map<String, String> env, Path home, Path serviceAccountToken) {
        if (env.get("KUBERNETES_SERVICE_HOST") != null && Files.isReadable(serviceAccountToken)) return null;
        String kc = env.get("KUBECONFIG");
        if (kc != null && !kc.isBlank()) {
            boolean any = Arrays.stream(kc.split(File.pathSeparator)).anyMatch(f -> !f.isBlank() && Files.isReadable(Path.of(f)));
            return any ? null : "KUBECONFIG=" + kc + " names no readable file";
        }
        if (Files.isReadable(home.resolve(".kube").resolve("config"))) return null;
        return "no kubeconfig (not running in a pod, no $KUBECONFIG, no " + home.resolve(".kube/config") + ")";
    }
}
