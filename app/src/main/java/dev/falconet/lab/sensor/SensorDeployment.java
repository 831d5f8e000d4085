package dev.falconet.lab.sensor;

import dev.falconet.lab.LabException;
import dev.falconet.lab.LabLog;
import dev.falconet.lab.LabPaths;
import dev.falconet.lab.kube.ApiErrors;
import dev.falconet.lab.kube.AppliedObject;
import dev.falconet.lab.kube.ManifestApply;
import dev.falconet.lab.kube.PodRows;
import dev.falconet.lab.kube.Rollouts;
import dev.falconet.lab.minikube.Minikube;
import dev.falconet.output.Alert;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Puts our sensor into the lab cluster and connects the app to its alerts: builds the image inside
 * minikube, applies namespace, RBAC and DaemonSet, waits for the rollout, then follows the sensor
 * pod's log, where the sensor prints its alerts as Falco JSON lines.
 */
public final class SensorDeployment {
    public static final String NAMESPACE = "falconet";
    public static final String DAEMONSET = "falconet-sensor";
    public static final String IMAGE = "falconet-sensor:dev";
    public static final String POD_LABEL = "app.kubernetes.io/name";
    public static final String CONTAINER = "sensor";
    /** Applied in this order: the namespace before what lives in it. */
    static final List<String> MANIFESTS = List.of("namespace.yaml", "rbac.yaml", "daemonset.yaml");

    private final LabPaths paths;
    private final Minikube minikube;
    private final ManifestApply apply;
    private final Rollouts rollouts;
    private final KubernetesClient client;

    public SensorDeployment(LabPaths paths, Minikube minikube, ManifestApply apply, Rollouts rollouts,
                            KubernetesClient client) {
        this.paths = paths;
        this.minikube = minikube;
        this.apply = apply;
        this.rollouts = rollouts;
        this.client = client;
    }

    /** Builds the image and rolls out the DaemonSet; returns what was applied. */
    public List<AppliedObject> deploy(Duration rolloutTimeout, LabLog log) {
        requireBuiltSensor();
        log.progress("building image " + IMAGE + " inside minikube");
        minikube.imageBuild(IMAGE, paths.root(), paths.root().relativize(paths.sensorDir().resolve("Dockerfile")).toString(), log);
        var applied = applyManifests(log);
        rollouts.waitForDaemonSet(NAMESPACE, DAEMONSET, rolloutTimeout, log);
        return applied;
    }

    /** Applies the sensor's manifests (no image build, no wait). */
    public List<AppliedObject> applyManifests(LabLog log) {
        var applied = new ArrayList<AppliedObject>();
        for (String f : MANIFESTS) {
            Path p = paths.sensorDir().resolve(f);
            applied.addAll(apply.apply(p, paths.display(p), log));
        }
        return applied;
    }

    /**
     * Follows the log of a running sensor pod and streams its alerts until the returned feed is closed.
     * The sensor's own lines (start-up, drops) go to the log as progress.
     *
     * @param problems gets unreadable alert lines and the reason the stream ended
     */
    public AlertFeed streamAlerts(Consumer<Alert> alerts, Consumer<String> problems, LabLog log) {
        Pod pod = sensorPod();
        String name = pod.getMetadata().getName();
        log.equivalent("kubectl logs -f -n " + NAMESPACE + " daemonset/" + DAEMONSET + " -c " + CONTAINER + " --tail=0");
        LogWatch watch;
        try {
            watch = client.pods().inNamespace(NAMESPACE).withName(name).inContainer(CONTAINER).tailingLines(0).watchLog();
        } catch (KubernetesClientException e) {
            throw new LabException(ApiErrors.describe("following the log of " + NAMESPACE + "/" + name, e), e);
        }
        log.progress("following alerts of sensor pod " + name);
        AlertStream stream = AlertStream.of(watch.getOutput(), watch,
                new AlertStream.Sinks(alerts, line -> log.progress("sensor: " + line), problems));
        return new AlertFeed(name, stream);
    }

    /** The running sensor pod (the lab has one node, so one pod). */
    public Pod sensorPod() {
        List<Pod> pods;
        try {
            pods = client.pods().inNamespace(NAMESPACE).withLabel(POD_LABEL, DAEMONSET).list().getItems();
        } catch (KubernetesClientException e) {
            throw new LabException(ApiErrors.describe("listing sensor pods in " + NAMESPACE, e), e);
        }
        return pods.stream().filter(p -> "Running".equals(PodRows.status(p))).findFirst()
                .orElseThrow(() -> new LabException(pods.isEmpty()
                        ? "the sensor is not deployed: run 'falconet lab deploy'"
                        : "no sensor pod is running: " + pods.stream().map(p -> p.getMetadata().getName() + " "
                        + PodRows.status(p)).toList() + " ('kubectl describe pod -n " + NAMESPACE + "' tells why)"));
    }

    private void requireBuiltSensor() {
        Path target = paths.root().resolve("sensor").resolve("target");
        boolean jar = false;
        if (Files.isDirectory(target)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(target, "falconet-sensor-*.jar")) {
                jar = ds.iterator().hasNext();
            } catch (IOException e) {
                jar = false;
            }
        }
        if (!jar || !Files.isDirectory(target.resolve("lib"))) {
            throw new LabException("the sensor is not built (no sensor/target/falconet-sensor-*.jar and sensor/target/lib): "
                    + "run './mvnw -q -DskipTests package' in " + paths.root());
        }
    }

    /** A live alert feed from one sensor pod. */
    public record AlertFeed(String pod, AlertStream stream) implements AutoCloseable {
        @Override
        public void close() {
            stream.close();
        }
    }
}
