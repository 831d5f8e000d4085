package dev.falconet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import dev.falconet.enrich.k8s.MockCluster;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code falconet k8s-meta} against the CRUD mock. */
@org.junit.jupiter.api.extension.ExtendWith(MockCluster.PerTest.class)
class K8sMetaCommandTest {
    /** Set by {@link MockCluster.PerTest}: a fresh CRUD mock API server per test (see MockCluster for why). */
    KubernetesClient client;

    static final String ID = "dc464dda0dc9f6b2a0c1e2d3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3";

    @Test
    void resolvesContainerIdsAndReportsUnknownOnesWithTheReason() throws Exception {
        client.resource(new PodBuilder().withNewMetadata().withNamespace("prod").withName("ubuntu-deployment-5fccb98689-vrzg")
                .endMetadata().withNewSpec().withNodeName("minikube").endSpec()
                .withNewStatus().addNewContainerStatus().withName("ubuntu").withContainerID("containerd://" + ID)
                .endContainerStatus().endStatus().build()).create();
        var out = new StringWriter();
        // the test's client belongs to the mock cluster: the command gets (and closes) its own
        var cl = new CommandLine(new K8sMetaCommand(() -> new KubernetesClientBuilder().withConfig(client.getConfiguration()).build()));
        cl.setOut(new PrintWriter(out, true));

        int code = cl.execute("--timeout", "10", "docker://" + ID.substring(0, 12), "0123456789ab");

        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).contains("Kubernetes metadata ready (1 pods cached)")
                .contains("docker://dc464dda0dc9: k8s.ns.name=prod k8s.pod.name=ubuntu-deployment-5fccb98689-vrzg node=minikube")
                .contains("0123456789ab: pod of container 0123456789ab not yet seen by the metadata cache");
    }
}
