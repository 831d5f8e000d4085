package dev.falconet.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.falconet.enrich.k8s.K8sHealth;
import dev.falconet.enrich.k8s.K8sMetadataSources;
import dev.falconet.enrich.k8s.KubernetesMetadataCache;
import dev.falconet.event.ContainerInfo;
import dev.falconet.event.K8sInfo;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code falconet k8s-meta}: the sensor's Kubernetes metadata check. Connects like the sensor does,
 * fills the metadata cache, prints its health and resolves container ids to their pods, so an instructor
 * can see on a real cluster what alerts will carry (or why they carry nothing).
 */
@Command(name = "k8s-meta", mixinStandardHelpOptions = true,
        description = {"Check the Kubernetes metadata the sensor adds to alerts: connect with the kubeconfig (or the pod's "
                + "service account), fill the cache, print its health, and resolve container ids to pods.",
                "Exits 0 when the cache is ready and every given container id resolved, 1 otherwise."})
public final class K8sMetaCommand implements Callable<Integer> {
    private final Supplier<KubernetesClient> clientFactory;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--node", description = "Only pods of this node (as the sensor does). Default: all nodes.")
    String node;

    @Option(names = "--timeout", defaultValue = "15", description = "Seconds to wait for the cache to fill (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Parameters(paramLabel = "CONTAINER_ID", arity = "0..*",
            description = "Container ids to resolve (full 64 hex, 12-char short, or with a containerd:// / docker:// / cri-o:// prefix).")
    List<String> containerIds = new ArrayList<>();

    public K8sMetaCommand() {
        this(null);
    }

    /** With a client factory (tests); null means: the kubeconfig or the pod's service account, when there is one. */
    K8sMetaCommand(Supplier<KubernetesClient> clientFactory) {
        this.clientFactory = clientFactory;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        for (String raw : containerIds) {
            if (dev.falconet.enrich.k8s.ContainerIds.bare(raw) == null || raw.endsWith("://")) {
                throw new CommandLine.ParameterException(spec.commandLine(), "empty container id '" + raw + "'");
            }
        }
        Supplier<KubernetesClient> factory = clientFactory;
        if (factory == null) {
            var why = K8sMetadataSources.whyNoConfigHere();
            if (why.isPresent()) {
                spec.commandLine().getErr().println("falconet k8s-meta: no Kubernetes metadata: " + why.get());
                return FalconetCli.EXIT_FINDINGS;
            }
            factory = () -> new KubernetesClientBuilder().build();
        }
        try (KubernetesClient client = factory.get(); var cache = new KubernetesMetadataCache(client, node)) {
            cache.awaitSynced(Duration.ofSeconds(timeoutSeconds));
            K8sHealth health = cache.health();
            var results = new LinkedHashMap<String, Object>();
            boolean allFound = true;
            for (String raw : containerIds) {
                String id = dev.falconet.enrich.k8s.ContainerIds.bare(raw);
                var c = new ContainerInfo(id.substring(0, Math.min(12, id.length())), id, null, null, null, null, null, null,
                        null, null, 0, List.of(), Map.of(), null);
                var info = cache.lookup(c);
                if (info.isPresent()) results.put(raw, info.get());
                else {
                    allFound = false;
                    results.put(raw, cache.missingReason(c).orElse("unknown"));
                }
            }
            if (json) {
                var doc = new LinkedHashMap<String, Object>();
                doc.put("health", health.state().name());
                doc.put("detail", health.describe());
                doc.put("cachedPods", cache.cachedPods());
                doc.put("containers", results);
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
            } else {
                out.println(health.describe() + " (" + cache.cachedPods() + " pods cached"
                        + (node == null ? "" : " on node " + node) + ")");
                results.forEach((id, r) -> out.println(id + ": " + (r instanceof K8sInfo k ? describe(k) : r)));
            }
            return health.ready() && allFound ? FalconetCli.EXIT_OK : FalconetCli.EXIT_FINDINGS;
        }
    }

    private static String describe(K8sInfo k) {
        var sb = new StringBuilder();
        sb.append("k8s.ns.name=").append(k.nsName()).append(" k8s.pod.name=").append(k.podName());
        if (k.deploymentName() != null) sb.append(" k8smeta.deployment.name=").append(k.deploymentName());
        if (k.replicaSetName() != null) sb.append(" k8smeta.rs.name=").append(k.replicaSetName());
        if (!k.serviceNames().isEmpty()) sb.append(" k8smeta.svc.name=").append(String.join(",", k.serviceNames()));
        if (k.nodeName() != null) sb.append(" node=").append(k.nodeName());
        return sb.toString();
    }
}
