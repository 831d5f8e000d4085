package dev.falconet.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.falconet.enrich.k8s.MockCluster;
import dev.falconet.cli.FalconetCli;
import dev.falconet.lab.FakeTools;
import dev.falconet.lab.Lab;
import dev.falconet.lab.TestPaths;
import dev.falconet.lab.kube.CreateOrUpdateApplier;
import dev.falconet.lab.minikube.MinikubeCli;
import io.fabric8.kubernetes.api.model.NamedContextBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code falconet lab ...} end to end: scripted minikube/kubectl/helm processes and the mock API server. */
@org.junit.jupiter.api.extension.ExtendWith(MockCluster.PerTest.class)
class LabCommandTest {
    /** Set by {@link MockCluster.PerTest}: a fresh CRUD mock API server per test (see MockCluster for why). */
    KubernetesClient client;

    @TempDir
    Path dir;

    private FakeTools tools;
    private String context = "minikube";
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void setUp() {
        tools = new FakeTools(dir)
                .script("kubectl", "echo 'Client Version: v1.32.0'")
                .script("docker", "echo 27.4.1")
                .recording("minikube", """
                        case "$3" in
                          version) echo v1.35.0 ;;
                          status) echo '{"Name":"minikube","Host":"Running","Kubelet":"Running","APIServer":"Running","Kubeconfig":"Configured","Worker":false}' ;;
                          start) echo '😄  minikube v1.35.0 on Ubuntu 24.04'; echo '🏄  Done! kubectl is now configured to use "minikube" cluster and "default" namespace by default' ;;
                          stop) echo '✋  Stopping node "minikube"  ...'; echo '🛑  1 node stopped.' ;;
                        esac""");
    }

    /** A client like the one the kubeconfig gives: current context "minikube", pointing at the mock. */
    private KubernetesClient labClient() {
        Config cfg = new io.fabric8.kubernetes.client.ConfigBuilder(client.getConfiguration()).build();
        cfg.setCurrentContext(new NamedContextBuilder().withName(context).withNewContext().withCluster(context)
                .withUser(context).endContext().build());
        return new KubernetesClientBuilder().withConfig(cfg).build();
    }

    private int run(String... args) {
        var cl = new CommandLine(new FalconetCli());
        cl.addSubcommand(new LabCommand(() -> new Lab(TestPaths.lab(), tools.runner(), new MinikubeCli(tools.runner()),
                this::labClient, CreateOrUpdateApplier::new)));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private static Pod ready(String ns, String name, String app) {
        return new PodBuilder().withNewMetadata().withNamespace(ns).withName(name).addToLabels("app", app).endMetadata()
                .withNewSpec().addNewContainer().withName("c").withImage("ubuntu").endContainer().withNodeName("minikube").endSpec()
                .withNewStatus().withPhase("Running").addNewCondition().withType("Ready").withStatus("True").endCondition()
                .addNewContainerStatus().withName("c").withReady(true).withRestartCount(0).withNewState().withNewRunning()
                .endRunning().endState().endContainerStatus().endStatus().build();
    }

    @Test
    void statusAsJsonShowsToolsClusterContextAndPods() throws Exception {
        client.resource(ready("secured-ns", "foo-app", "foo")).create();

        int code = run("lab", "status", "--json");

        JsonNode j = new ObjectMapper().readTree(out.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(j.at("/cluster/state").asText()).isEqualTo("RUNNING");
        assertThat(j.at("/context/context").asText()).isEqualTo("minikube");
        assertThat(j.at("/context/reachable").asBoolean()).isTrue();
        assertThat(j.at("/prerequisites/driver/driver").asText()).isEqualTo("docker");
        assertThat(j.at("/pods/0/name").asText()).isEqualTo("foo-app");
        assertThat(j.at("/pods/0/status").asText()).isEqualTo("Running");
        assertThat(j.at("/pods/0/labels/app").asText()).isEqualTo("foo");
        assertThat(j.at("/sensorDeployed").asBoolean()).isFalse();
        assertThat(j.get("equivalents")).extracting(JsonNode::asText)
                .contains("minikube status -o json", "kubectl config current-context", "kubectl get pods -n secured-ns -o wide --show-labels");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void statusAsTextTeachesTheCommands() {
        int code = run("lab", "status");
        assertThat(code).isZero();
        assertThat(out.toString()).contains("Cluster     running: cluster 'minikube' is running")
                .contains("Sensor      not deployed: run 'falconet lab deploy'").contains("none: run 'falconet lab up'");
        assertThat(err.toString()).contains("$ minikube status -o json").contains("$ kubectl version");
    }

    @Test
    void upStartsMinikubeAppliesTheLabAndWaitsForItsPods() {
        ScheduledExecutorService kubelet = Executors.newSingleThreadScheduledExecutor();
        // the mock runs no controllers: play deployment controller and kubelet for the lab's objects
        kubelet.scheduleWithFixedDelay(() -> {
            try {
                for (var d : client.apps().deployments().inAnyNamespace().list().getItems()) {
                    if (d.getStatus() != null && d.getStatus().getReadyReplicas() != null) continue;
                    d.setStatus(new DeploymentStatusBuilder().withReplicas(1).withReadyReplicas(1).withUpdatedReplicas(1).build());
                    client.resource(d).updateStatus();
                }
                for (var p : client.pods().inAnyNamespace().list().getItems()) {
                    if (p.getStatus() != null && "Running".equals(p.getStatus().getPhase())) continue;
                    Pod r = ready(p.getMetadata().getNamespace(), p.getMetadata().getName(), "x");
                    p.setStatus(r.getStatus());
                    client.resource(p).updateStatus();
                }
            } catch (RuntimeException e) {
                // next round
            }
        }, 50, 100, TimeUnit.MILLISECONDS);
        try {
            int code = run("lab", "up", "--timeout", "20s", "--json");
            assertThat(code).as(err.toString()).isZero();
        } finally {
            kubelet.shutdownNow();
        }
        assertThat(tools.calls("minikube")).contains("-p minikube start --driver=docker --cpus=2 --memory=4096");
        assertThat(out.toString()).contains("\"action\" : \"created\"").contains("\"name\" : \"example-ingress\"");
        assertThat(err.toString()).contains("$ minikube start --driver=docker --cpus=2 --memory=4096")
                .contains("  🏄  Done! kubectl is now configured")
                .contains("$ kubectl apply -f lab-manifests/secured-ns.yaml")
                .contains("  namespace/secured-ns created")
                .contains("$ kubectl rollout status deployment/nginx-deployment -n secured-ns")
                .contains("$ kubectl wait --for=condition=Ready pod/foo-app -n secured-ns");
        assertThat(client.apps().deployments().inNamespace("prod").withName("ubuntu-deployment").get()).isNotNull();
    }

    @Test
    void upWithoutADriverListsWhatToInstall() {
        tools.script("docker", "echo 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?' >&2; exit 1");
        int code = run("lab", "up");
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("falconet lab up: the lab cannot start yet:")
                .contains("driver: docker is installed but its daemon does not answer");
        assertThat(tools.calls("minikube")).noneMatch(c -> c.contains("start"));
    }

    @Test
    void execThroughKubectlPassesOutputAndExitCode() {
        tools.script("kubectl", "echo 'root:*:20000:0:99999:7:::'; echo 'cat: warning' >&2; exit 3");
        int code = run("lab", "exec", "--kubectl", "-n", "prod", "deployment/ubuntu-deployment", "--", "cat", "/etc/shadow");
        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).isEqualTo("root:*:20000:0:99999:7:::\n");
        assertThat(err.toString()).contains("$ kubectl exec -n prod deployment/ubuntu-deployment -- cat /etc/shadow")
                .contains("cat: warning").contains("falconet lab exec: command exited with 3");
    }

    @Test
    void execIntoAMissingPodIsOneClearLine() {
        int code = run("lab", "exec", "-n", "secured-ns", "ghost", "--", "id");
        assertThat(code).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("falconet lab exec: pod secured-ns/ghost not found; pods in secured-ns: []");
    }

    @Test
    void downStopsAndFalcoWithoutHelmSaysWhy() {
        assertThat(run("lab", "down")).isZero();
        assertThat(tools.calls("minikube")).containsExactly("-p minikube stop");
        assertThat(err.toString()).contains("$ minikube stop").contains("1 node stopped.");

        assertThat(run("lab", "falco", "install")).isEqualTo(1);
        assertThat(err.toString()).contains("falconet lab falco install: helm is not installed");
    }

    @Test
    void nothingIsDoneToAClusterThatIsNotTheLabs() {
        context = "prod-eu-1";
        tools.recording("kubectl", "exit 0");
        int code = run("lab", "exec", "--kubectl", "-n", "prod", "deployment/ubuntu-deployment", "--", "rm", "-rf", "/data");
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("falconet lab exec: kubectl points at context 'prod-eu-1', not the lab's 'minikube': "
                + "run 'kubectl config use-context minikube'");
        assertThat(tools.calls("kubectl")).isEmpty();

        assertThat(run("lab", "status", "--json")).isEqualTo(1);
        assertThat(out.toString()).contains("\"pods\" : [ ]");
    }

    @Test
    void badUsageIsExitCode2() {
        assertThat(run("lab", "exec", "foo-app")).isEqualTo(2);
        assertThat(run("lab", "up", "--timeout", "soon")).isEqualTo(2);
    }
}
