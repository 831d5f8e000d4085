package dev.falconet.lab.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.falconet.enrich.k8s.MockCluster;
import dev.falconet.lab.FakeTools;
import dev.falconet.lab.LabException;
import dev.falconet.lab.LabLog;
import dev.falconet.lab.LabPaths;
import dev.falconet.lab.RecordingLog;
import dev.falconet.lab.TestPaths;
import dev.falconet.lab.kube.AppliedObject;
import dev.falconet.lab.kube.CreateOrUpdateApplier;
import dev.falconet.lab.kube.ManifestApply;
import dev.falconet.lab.kube.Rollouts;
import dev.falconet.lab.minikube.MinikubeCli;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deploying our sensor: image build in minikube (scripted), manifests on the mock API server, rollout wait. */
@org.junit.jupiter.api.extension.ExtendWith(MockCluster.PerTest.class)
class SensorDeploymentTest {
    /** Set by {@link MockCluster.PerTest}: a fresh CRUD mock API server per test (see MockCluster for why). */
    KubernetesClient client;

    @TempDir
    Path root;

    /** A checkout with the real sensor manifests and a built sensor (jar + lib/). */
    private LabPaths checkout(boolean built) throws Exception {
        Path sensorDir = Files.createDirectories(root.resolve("lab-manifests/sensor"));
        try (var files = Files.list(TestPaths.lab().sensorDir())) {
            for (Path f : files.toList()) Files.copy(f, sensorDir.resolve(f.getFileName()));
        }
        if (built) {
            Path target = Files.createDirectories(root.resolve("sensor/target/lib"));
            Files.writeString(target.getParent().resolve("falconet-sensor-0.1.0-SNAPSHOT.jar"), "jar");
        }
        return new LabPaths(root);
    }

    private SensorDeployment deployment(LabPaths paths, FakeTools tools) {
        return new SensorDeployment(paths, new MinikubeCli(tools.runner()), new ManifestApply(new CreateOrUpdateApplier(client)),
                new Rollouts(client), client);
    }

    @Test
    void buildsTheImageInMinikubeAppliesTheManifestsAndWaitsForTheDaemonSet() throws Exception {
        LabPaths paths = checkout(true);
        var tools = new FakeTools(Files.createDirectories(root.resolve("bin")))
                .recording("minikube", "echo '#8 naming to docker.io/library/falconet-sensor:dev done'");
        var log = new RecordingLog(LabLog.SILENT);
        var kubelet = Executors.newSingleThreadScheduledExecutor();
        // the mock has no DaemonSet controller: report the pod ready once the DaemonSet exists
        kubelet.scheduleWithFixedDelay(() -> {
            var ds = client.apps().daemonSets().inNamespace("falconet").withName("falconet-sensor").get();
            if (ds != null && ds.getStatus() == null) {
                ds.setStatus(new DaemonSetStatusBuilder().withDesiredNumberScheduled(1).withNumberReady(1)
                        .withUpdatedNumberScheduled(1).build());
                client.resource(ds).updateStatus();
            }
        }, 50, 100, TimeUnit.MILLISECONDS);
        List<AppliedObject> applied;
        try {
            applied = deployment(paths, tools).deploy(Duration.ofSeconds(20), log);
        } finally {
            kubelet.shutdownNow();
        }

        assertThat(tools.calls("minikube")).containsExactly(
                "-p minikube image build -t falconet-sensor:dev -f lab-manifests/sensor/Dockerfile " + root);
        assertThat(applied).extracting(AppliedObject::kubectlLine).containsExactly(
                "namespace/falconet created", "serviceaccount/falconet-sensor created",
                "clusterrole.rbac.authorization.k8s.io/falconet-sensor created",
                "clusterrolebinding.rbac.authorization.k8s.io/falconet-sensor created",
                "daemonset.apps/falconet-sensor created");
        assertThat(log.equivalents()).containsSubsequence(
                "minikube image build -t falconet-sensor:dev -f lab-manifests/sensor/Dockerfile " + root,
                "kubectl apply -f lab-manifests/sensor/namespace.yaml",
                "kubectl apply -f lab-manifests/sensor/rbac.yaml",
                "kubectl apply -f lab-manifests/sensor/daemonset.yaml",
                "kubectl rollout status daemonset/falconet-sensor -n falconet --timeout=20s");
    }

    @Test
    void anUnbuiltSensorSaysHowToBuildIt() throws Exception {
        LabPaths paths = checkout(false);
        var tools = new FakeTools(Files.createDirectories(root.resolve("bin"))).recording("minikube", "exit 0");
        assertThatThrownBy(() -> deployment(paths, tools).deploy(Duration.ofSeconds(1), LabLog.SILENT))
                .isInstanceOf(LabException.class)
                .hasMessageStartingWith("the sensor is not built")
                .hasMessageContaining("./mvnw -q -DskipTests package");
        assertThat(tools.calls("minikube")).isEmpty();
    }

    @Test
    void streamingWithoutASensorPodSaysToDeployFirst() throws Exception {
        var tools = new FakeTools(Files.createDirectories(root.resolve("bin")));
        client.pods().inNamespace("falconet").list().getItems().forEach(p -> client.resource(p).delete());
        assertThatThrownBy(() -> deployment(checkout(true), tools).streamAlerts(a -> {}, p -> {}, LabLog.SILENT))
                .hasMessage("the sensor is not deployed: run 'falconet lab deploy'");
    }
}
