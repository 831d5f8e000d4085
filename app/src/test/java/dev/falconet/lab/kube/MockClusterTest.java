package dev.falconet.lab.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.falconet.enrich.k8s.MockCluster;
import dev.falconet.lab.LabException;
import dev.falconet.lab.LabPaths;
import dev.falconet.lab.RecordingLog;
import dev.falconet.lab.LabLog;
import dev.falconet.lab.TestPaths;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Applying, waiting and listing against fabric8's CRUD mock API server. */
@org.junit.jupiter.api.extension.ExtendWith(MockCluster.PerTest.class)
class MockClusterTest {
    /** Set by {@link MockCluster.PerTest}: a fresh CRUD mock API server per test (see MockCluster for why). */
    KubernetesClient client;

    private final LabPaths paths = TestPaths.lab();

    /** A running pod as the kubelet would report it (the mock runs no controllers or kubelet). */
    static Pod runningPod(String ns, String name, Map<String, String> labels, String image, String containerId) {
        return new PodBuilder().withNewMetadata().withNamespace(ns).withName(name).withLabels(labels)
                .withCreationTimestamp("2026-12-03T10:00:00Z").endMetadata()
                .withNewSpec().addNewContainer().withName("main").withImage(image).endContainer().withNodeName("minikube").endSpec()
                .withNewStatus().withPhase("Running")
                .addNewCondition().withType("Ready").withStatus("True").endCondition()
                .addNewContainerStatus().withName("main").withImage(image).withReady(true).withRestartCount(1)
                .withContainerID(containerId).withNewState().withNewRunning().withStartedAt("2026-12-03T10:00:05Z").endRunning()
                .endState().endContainerStatus().endStatus().build();
    }

    @Test
    void applyingSecuredNsCreatesEveryObjectAndReapplyingConfiguresThem() {
        var apply = new ManifestApply(new CreateOrUpdateApplier(client));
        var log = new RecordingLog(LabLog.SILENT);
        List<AppliedObject> first = apply.apply(paths.securedNs(), "lab-manifests/secured-ns.yaml", log);

        assertThat(first).extracting(AppliedObject::kubectlLine).containsExactly(
                "namespace/secured-ns created", "deployment.apps/ubuntu-deployment created", "pod/foo-app created",
                "deployment.apps/nginx-deployment created", "service/foo-service created", "pod/bar-app created",
                "service/bar-service created", "ingress.networking.k8s.io/example-ingress created");
        assertThat(log.equivalents()).containsExactly("kubectl apply -f lab-manifests/secured-ns.yaml");
        assertThat(client.namespaces().withName("secured-ns").get()).isNotNull();
        assertThat(client.apps().deployments().inNamespace("secured-ns").withName("nginx-deployment").get()
                .getSpec().getTemplate().getSpec().getContainers().getFirst().getImage()).isEqualTo("nginx:1.14.2");
        assertThat(client.pods().inNamespace("secured-ns").withName("foo-app").get().getMetadata().getLabels())
                .containsEntry("app", "foo");
        assertThat(client.services().inNamespace("secured-ns").withName("bar-service").get()).isNotNull();
        assertThat(client.network().v1().ingresses().inNamespace("secured-ns").withName("example-ingress").get()).isNotNull();

        List<AppliedObject> second = apply.apply(paths.securedNs(), "lab-manifests/secured-ns.yaml", LabLog.SILENT);
        assertThat(second).extracting(AppliedObject::action).containsOnly("configured");
        assertThat(client.apps().deployments().inNamespace("secured-ns").list().getItems()).hasSize(2);
    }

    @Test
    void prodAppliesBesideSecuredNs() {
        var apply = new ManifestApply(new CreateOrUpdateApplier(client));
        apply.apply(paths.securedNs(), "secured-ns.yaml", LabLog.SILENT);
        apply.apply(paths.prod(), "prod.yaml", LabLog.SILENT);
        assertThat(client.apps().deployments().inAnyNamespace().list().getItems())
                .extracting(d -> d.getMetadata().getNamespace() + "/" + d.getMetadata().getName())
                .containsExactlyInAnyOrder("secured-ns/ubuntu-deployment", "secured-ns/nginx-deployment", "prod/ubuntu-deployment");
    }

    @Test
    void aManifestWithABadFieldNamesTheObjectAndTheField() {
        String yaml = """
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: ok
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: nginx-deployment
                spec:
                  replicas: lots
                """;
        assertThatThrownBy(() -> new ManifestLoader().parse("broken.yaml", yaml))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("broken.yaml:6")
                .hasMessageContaining("Deployment nginx-deployment")
                .hasMessageContaining("field spec.replicas");
    }

    @Test
    void aManifestWithoutAKindSaysSo() {
        assertThatThrownBy(() -> new ManifestLoader().parse("x.yaml", "apiVersion: v1\nmetadata:\n  name: a\n"))
                .hasMessageContaining("x.yaml:1").hasMessageContaining("field kind is missing");
        assertThatThrownBy(() -> new ManifestLoader().parse("y.yaml", "kind: Pod\napiVersion: v1\nmetadata: {name: [\n"))
                .isInstanceOf(ManifestException.class).hasMessageContaining("y.yaml").hasMessageContaining("not valid YAML");
    }

    @Test
    void rolloutWaitReturnsOnceTheDeploymentIsReady() throws Exception {
        new ManifestApply(new CreateOrUpdateApplier(client)).apply(paths.prod(), "prod.yaml", LabLog.SILENT);
        var log = new RecordingLog(LabLog.SILENT);
        var exec = Executors.newSingleThreadScheduledExecutor();
        try {
            // the mock has no deployment controller: play its part a moment later
            exec.schedule(() -> {
                Deployment d = client.apps().deployments().inNamespace("prod").withName("ubuntu-deployment").get();
                d.setStatus(new DeploymentStatusBuilder().withReplicas(1).withReadyReplicas(1).withUpdatedReplicas(1)
                        .withAvailableReplicas(1).build());
                client.apps().deployments().inNamespace("prod").resource(d).updateStatus();
            }, 300, TimeUnit.MILLISECONDS);
            new Rollouts(client).waitForDeployment("prod", "ubuntu-deployment", Duration.ofSeconds(10), log);
        } finally {
            exec.shutdownNow();
        }
        assertThat(log.equivalents()).containsExactly("kubectl rollout status deployment/ubuntu-deployment -n prod --timeout=10s");
    }

    @Test
    void rolloutWaitTimesOutAndSaysWhatIsWrong() {
        new ManifestApply(new CreateOrUpdateApplier(client)).apply(paths.prod(), "prod.yaml", LabLog.SILENT);
        Pod stuck = runningPod("prod", "ubuntu-deployment-5fccb98689-zmn4t", Map.of("app", "ubuntu"), "ubuntu", null);
        stuck.getStatus().setPhase("Pending");
        stuck.getStatus().getContainerStatuses().getFirst().getState().setRunning(null);
        stuck.getStatus().getContainerStatuses().getFirst().getState().setWaiting(
                new io.fabric8.kubernetes.api.model.ContainerStateWaitingBuilder().withReason("ImagePullBackOff").build());
        client.resource(stuck).create();

        assertThatThrownBy(() -> new Rollouts(client).waitForDeployment("prod", "ubuntu-deployment", Duration.ofMillis(600),
                LabLog.SILENT))
                .isInstanceOf(LabException.class)
                .hasMessageContaining("deployment/ubuntu-deployment in prod is not ready after 600 ms")
                .hasMessageContaining("0 of 1 replicas ready")
                .hasMessageContaining("ubuntu-deployment-5fccb98689-zmn4t ImagePullBackOff");
    }

    @Test
    void podsAreListedAsDashboardRows() {
        client.resource(runningPod("secured-ns", "foo-app", Map.of("app", "foo"), "kicbase/echo-server:1.0", "docker://abc")).create();
        client.resource(runningPod("secured-ns", "bar-app", Map.of("app", "bar"), "kicbase/echo-server:1.0", "docker://def")).create();
        client.resource(runningPod("prod", "other", Map.of(), "ubuntu", "docker://123")).create();
        // the mock stamps creation with its own clock: look at the table 70 minutes later
        Clock clock = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(70));
        var log = new RecordingLog(LabLog.SILENT);

        List<PodRow> rows = new PodTable(client, clock).list("secured-ns", log);

        assertThat(rows).extracting(PodRow::name).containsExactly("bar-app", "foo-app");
        PodRow foo = rows.get(1);
        assertThat(foo.images()).containsExactly("kicbase/echo-server:1.0");
        assertThat(foo.labels()).isEqualTo(Map.of("app", "foo"));
        assertThat(foo.node()).isEqualTo("minikube");
        assertThat(foo.status()).isEqualTo("Running");
        assertThat(foo.readyColumn()).isEqualTo("1/1");
        assertThat(foo.restarts()).isEqualTo(1);
        assertThat(foo.age()).isEqualTo("70m");
        assertThat(log.equivalents()).containsExactly("kubectl get pods -n secured-ns -o wide --show-labels");
    }

    @Test
    void watchingPodsDeliversAddsModificationsAndDeletes() throws Exception {
        var changes = new CopyOnWriteArrayList<PodTable.Change>();
        Watch w = new PodTable(client).watch("secured-ns", LabLog.SILENT, changes::add, reason -> {});
        try {
            Pod p = client.resource(runningPod("secured-ns", "foo-app", Map.of("app", "foo"), "kicbase/echo-server:1.0", null)).create();
            p.getMetadata().getLabels().put("tier", "web");
            client.resource(p).update();
            client.pods().inNamespace("secured-ns").withName("foo-app").delete();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (changes.size() < 3 && System.nanoTime() < until) Thread.sleep(20);
        } finally {
            w.close();
        }
        assertThat(changes).extracting(PodTable.Change::action)
                .containsExactly(Watcher.Action.ADDED, Watcher.Action.MODIFIED, Watcher.Action.DELETED);
        assertThat(changes.get(1).row().labels()).containsEntry("tier", "web");
    }

    @Test
    void podsResolveForExecByNameOrDeploymentAndMissingPodsAreExplained() {
        new ManifestApply(new CreateOrUpdateApplier(client)).apply(paths.securedNs(), "secured-ns.yaml", LabLog.SILENT);
        client.resource(runningPod("secured-ns", "ubuntu-deployment-5fccb98689-zmn4t", Map.of("app", "ubuntu"), "ubuntu", null))
                .create();

        assertThat(dev.falconet.lab.exec.PodTargets.resolve(client, "secured-ns", "deployment/ubuntu-deployment")
                .getMetadata().getName()).isEqualTo("ubuntu-deployment-5fccb98689-zmn4t");
        assertThat(dev.falconet.lab.exec.PodTargets.resolve(client, "secured-ns", "ubuntu-deployment")
                .getMetadata().getName()).isEqualTo("ubuntu-deployment-5fccb98689-zmn4t");
        assertThatThrownBy(() -> new dev.falconet.lab.exec.Fabric8PodExec(client).exec(
                dev.falconet.lab.exec.ExecRequest.of("secured-ns", "no-such-pod", Duration.ofSeconds(5), "id"), LabLog.SILENT))
                .isInstanceOf(LabException.class)
                .hasMessageContaining("pod secured-ns/no-such-pod not found")
                .hasMessageContaining("ubuntu-deployment-5fccb98689-zmn4t (Running)");
        // foo-app exists but nothing runs it in the mock: not Running yet
        assertThatThrownBy(() -> dev.falconet.lab.exec.PodTargets.resolve(client, "secured-ns", "foo-app"))
                .hasMessageContaining("pod secured-ns/foo-app is Pending, not Running");
        assertThatThrownBy(() -> dev.falconet.lab.exec.PodTargets.resolve(client, "secured-ns", "deployment/nginx-deployment"))
                .hasMessageContaining("deployment secured-ns/nginx-deployment has no running pod: none created yet");
    }
}
