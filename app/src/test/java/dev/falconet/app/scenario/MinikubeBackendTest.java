package dev.falconet.app.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falconet.lab.FakeTools;
import dev.falconet.lab.LabLog;
import dev.falconet.lab.TestPaths;
import dev.falconet.lab.exec.ExecRequest;
import dev.falconet.lab.exec.ExecResult;
import dev.falconet.lab.exec.KubectlPodExec;
import dev.falconet.lab.sensor.SensorDeployment;
import dev.falconet.output.Alert;
import dev.falconet.scenario.RulesCache;
import dev.falconet.scenario.Scenario;
import dev.falconet.scenario.ScenarioLoader;
import dev.falconet.scenario.run.ScenarioObserver;
import dev.falconet.scenario.run.ScenarioResult;
import dev.falconet.scenario.run.ScenarioRunner;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodListBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The minikube backend: steps through a scripted {@code kubectl exec}, alerts from the in-cluster sensor's
 * log as the mock API server streams it (the sensor pod is found by its label, its log followed).
 */
@EnableKubernetesMockClient(https = false)
class MinikubeBackendTest {
    static KubernetesClient client;
    static KubernetesMockServer server;
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final RulesCache RULES = new RulesCache();
    static final String SENSOR_POD = "falconet-sensor-x7k2p";

    @TempDir
    Path dir;
    FakeTools tools;

    @BeforeEach
    void setUp() throws Exception {
        tools = new FakeTools(Files.createDirectories(dir.resolve("bin"))).recording("kubectl", """
                case "$*" in
                  *"cat /etc/pam.d/passwd"*) echo '@include common-password' ;;
                  *) exit 0 ;;
                esac""");
        var pods = new PodListBuilder().addToItems(new PodBuilder().withNewMetadata().withNamespace("falconet")
                .withName(SENSOR_POD).endMetadata().withNewSpec().addNewContainer().withName("sensor").endContainer().endSpec()
                .withNewStatus().withPhase("Running").endStatus().build()).build();
        server.expect().get().withPath("/api/v1/namespaces/falconet/pods?labelSelector=app.kubernetes.io%2Fname%3Dfalconet-sensor")
                .andReturn(200, pods).always();
        // fabric8 looks the pod up by name before following its log
        server.expect().get().withPath("/api/v1/namespaces/falconet/pods?fieldSelector=metadata.name%3D" + SENSOR_POD)
                .andReturn(200, pods).always();
    }

    /** The sensor's log: these alert lines, then the stream stays open. */
    private void sensorLog(String... lines) {
        server.expect().get().withPath("/api/v1/namespaces/falconet/pods/" + SENSOR_POD + "/log?pretty=false&container=sensor&tailLines=0&follow=true")
                .andReturn(200, String.join("\n", lines) + "\n").once();
    }

    /** An alert line as the sensor prints it, for an event half a second from now (during the run). */
    private static String alert(String rule, String ns, String cmdline) {
        return "{\"hostname\":\"minikube\",\"output\":\"12:00:00.000000000: Warning x\",\"priority\":\"Warning\",\"rule\":\"" + rule
                + "\",\"source\":\"syscall\",\"tags\":[],\"time\":\"" + Instant.now().plusMillis(500) + "\",\"output_fields\":{\"fd.name\":\"/etc/pam.d/passwd\","
                + "\"proc.name\":\"cat\",\"proc.cmdline\":\"" + cmdline + "\",\"evt.type\":\"openat\",\"container.id\":\"dc464dda0dc9\","
                + "\"k8s.ns.name\":\"" + ns + "\",\"k8s.pod.name\":\"ubuntu-deployment-5fccb98689-zmn4t\"}}";
    }

    private MinikubeBackend backend() {
        LabCluster cluster = new LabCluster() {
            public ExecResult exec(ExecRequest request, LabLog log) {
                return new KubectlPodExec(tools.runner()).exec(request, log);
            }

            public AutoCloseable followAlerts(Consumer<Alert> alerts, Consumer<String> problems, LabLog log) {
                return new SensorDeployment(TestPaths.lab(), null, null, null, client).streamAlerts(alerts, problems, log);
            }

            public void close() {}
        };
        return new MinikubeBackend(() -> cluster, Optional::empty, Duration.ofSeconds(3), Duration.ofSeconds(30));
    }

    private static Scenario scenario(String id) {
        return new ScenarioLoader(ROOT, RULES).loadFile(ROOT.resolve("scenarios/" + id + ".yaml")).scenario().orElseThrow();
    }

    private ScenarioResult run(Scenario s) {
        try (MinikubeBackend b = backend()) {
            var res = new ScenarioRunner(RULES).runAll(List.of(s), b, ScenarioObserver.NONE).get(0);
            return res;
        }
    }

    @Test
    void execsIntoTheDeploymentsPodAndGradesTheSensorsAlerts() {
        sensorLog("falconet: sensor attached and READY", alert("Read sensitive file untrusted", "kube-system", "cat /etc/shadow"),
                alert("Read sensitive file untrusted", "secured-ns", "cat /etc/pam.d/passwd"));
        ScenarioResult r = run(scenario("read-pam-passwd"));
        assertThat(r.outcome()).as(r.reasons().toString()).isEqualTo(ScenarioResult.Outcome.PASS);
        assertThat(tools.calls("kubectl")).containsExactly("exec -n secured-ns deployment/ubuntu-deployment -- cat /etc/pam.d/passwd");
        // the kube-system alert is not the scenario's
        assertThat(r.alerts()).singleElement().satisfies(a -> {
            assertThat(a.step()).isEqualTo("read");
            assertThat(a.field("k8s.ns.name")).isEqualTo("secured-ns");
        });
        assertThat(r.steps()).singleElement().satisfies(st -> assertThat(st.output()).contains("@include common-password"));
    }

    @Test
    void aMissingAlertFailsWithTheReason() {
        sensorLog(alert("Read sensitive file untrusted", "kube-system", "cat /etc/pam.d/passwd"));
        ScenarioResult r = run(scenario("read-pam-passwd"));
        assertThat(r.outcome()).isEqualTo(ScenarioResult.Outcome.FAIL);
        assertThat(r.reasons()).containsExactly("expected rule 'Read sensitive file untrusted' not seen (no alerts at all)");
    }

    @Test
    void installsThePackageInThePodBeforeTheStep() {
        sensorLog(alert("Read sensitive file untrusted", "kube-system", "cat /etc/shadow"));
        ScenarioResult r = run(scenario("drop-exec-nmap"));
        assertThat(tools.calls("kubectl")).containsExactly(
                "exec -n secured-ns deployment/ubuntu-deployment -- sh -c command -v nmap >/dev/null || (apt-get update -qq && "
                        + "DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nmap)",
                "exec -n secured-ns deployment/ubuntu-deployment -- nmap --version");
        assertThat(r.reasons()).containsExactly("expected rule 'Drop and execute new binary in container' not seen (no alerts at all)");
    }

    @Test
    void onlyPodStepsAndUnprivilegedPodsRunInTheCluster() {
        Scenario read = scenario("read-pam-passwd");
        try (MinikubeBackend b = backend()) {
            assertThat(b.unavailable(read)).isEmpty();
            var host = new dev.falconet.scenario.Step("h", read.steps().get(0).title(), new dev.falconet.scenario.Target.Host(),
                    List.of("true"), null, 0, List.of(), read.steps().get(0).pos());
            Scenario onHost = new Scenario(read.id(), read.group(), read.title(), read.story(), read.objectives(), read.rules(),
                    read.preconditions(), List.of(host), read.expect(), read.hints(), read.explanation(), read.capture(), read.file(), read.captureFile());
            assertThat(b.unavailable(onHost)).hasValueSatisfying(why -> assertThat(why).contains("use --backend podman"));
        }
    }
}
