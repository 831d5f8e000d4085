package dev.falconet.enrich.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falconet.capture.CaptureReader;
import dev.falconet.engine.EngineOptions;
import dev.falconet.engine.RuleEngine;
import dev.falconet.event.ContainerInfo;
import dev.falconet.event.Event;
import dev.falconet.event.K8sInfo;
import dev.falconet.output.Alert;
import dev.falconet.rules.load.RulesSource;
import dev.falconet.sensor.state.ContainerRegistry;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The lab's namespace-scoped example end to end: the events of "touch /test/testfile" in a pod, with
 * the pod's Kubernetes metadata coming from the informer cache (not from the capture), fire
 * {@code rules/examples/prod-only.yaml}'s rule when the pod is in namespace prod, and not in secured-ns.
 */
class ProdOnlyRuleEnrichmentTest {
    private static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) dir = dir.getParent();
        if (dir == null) throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
        return dir;
    }

    private static RuleEngine prodOnlyEngine(Path root) {
        var reading = RulesSource.readAll(List.of(root.resolve("rules/falconet_rules.yaml"), root.resolve("rules/examples/prod-only.yaml")));
        assertThat(reading.diagnostics()).isEmpty();
        var suggested = new ArrayList<>(EngineOptions.CONTAINER_SUGGESTED);
        suggested.addAll(EngineOptions.K8SMETA_SUGGESTED);
        RuleEngine.Build build = RuleEngine.load(reading.sources(), EngineOptions.defaults().withSuggestedFields(suggested));
        assertThat(build.ok()).as(build.diagnostics().toString()).isTrue();
        return build.engine();
    }

    /** Replays the capture with its container's pod placed in {@code namespace} on the mock API server. */
    private List<Alert> replayIn(String namespace, Path capture, RuleEngine engine) throws InterruptedException {
        // a fresh, empty mock API server per replay
        try (MockCluster cluster = MockCluster.start()) {
            return replayIn(cluster.client(), namespace, capture, engine);
        }
    }

    private List<Alert> replayIn(KubernetesClient client, String namespace, Path capture, RuleEngine engine)
            throws InterruptedException {
        List<Event> events = CaptureReader.open(capture).readAll();
        ContainerInfo container = events.stream().map(e -> e.thread() == null ? null : e.thread().container())
                .filter(c -> c != null).findFirst().orElseThrow().withK8s(null);
        var alerts = new ArrayList<Alert>();
        try (var cache = new KubernetesMetadataCache(client, null)) {
            assertThat(cache.awaitSynced(Duration.ofSeconds(10))).isTrue();
            // made after the informers listed an empty cluster: the pod and its namespace reach the cache through
            // its watches, as a pod started while the sensor runs does
            client.resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build()).create();
            client.resource(new PodBuilder().withNewMetadata().withNamespace(namespace).withName("ubuntu-deployment-5fccb98689-vrzg")
                    .addToLabels("app", "ubuntu").endMetadata().withNewSpec().withNodeName("minikube").endSpec()
                    .withNewStatus().addNewContainerStatus().withName("ubuntu").withContainerID("containerd://" + container.fullId())
                    .endContainerStatus().endStatus().build()).create();
            assertThat(MockCluster.eventually(() -> cache.lookup(container).map(K8sInfo::nsUid)))
                    .as("the cache learns of the pod and its namespace within 10 s").isPresent();

            var registry = new ContainerRegistry(null, cache);
            for (Event e : events) {
                if (e.thread() != null && e.thread().container() != null) {
                    // forget what the capture recorded: the pod metadata must come from the cache
                    ContainerInfo bare = e.thread().container().withK8s(null);
                    e.thread().container(registry.enrichK8s(bare, e.ts()));
                }
                engine.process(e, alerts::add);
            }
        }
        return alerts;
    }

    @Test
    void firesInProdAndNotInSecuredNs() throws InterruptedException {
        Path root = repoRoot();
        Path capture = root.resolve("sensor/src/test/resources/fixtures/prod-only/write-below-test-directory/positive.jsonl");
        RuleEngine engine = prodOnlyEngine(root);

        List<Alert> prod = replayIn("prod", capture, engine);
        assertThat(prod).extracting(Alert::rule).containsExactly("Write below test directory");
        assertThat(prod.getFirst().outputFields()).containsEntry("k8smeta.ns.name", "prod")
                .containsEntry("k8smeta.pod.name", "ubuntu-deployment-5fccb98689-vrzg");

        assertThat(replayIn("secured-ns", capture, prodOnlyEngine(root))).isEmpty();
    }
}
