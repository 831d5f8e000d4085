package dev.falconet.lab.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.falconet.lab.LabException;
import dev.falconet.lab.LabLog;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** API failures as sentences: rejected fields, RBAC, an unreachable cluster. */
class ApiErrorsTest {
    @Test
    void invalidObjectsNameTheRejectedFields() {
        var status = new StatusBuilder().withCode(422).withReason("Invalid")
                .withMessage("Deployment.apps \"nginx-deployment\" is invalid")
                .withNewDetails().withKind("Deployment").withName("nginx-deployment")
                .addNewCause().withField("spec.template.spec.containers[0].image").withMessage("Required value").endCause()
                .addNewCause().withField("spec.selector").withMessage("Invalid value: map[]: empty selector is invalid").endCause()
                .endDetails().build();
        String msg = ApiErrors.describe("Deployment secured-ns/nginx-deployment", new KubernetesClientException(status));
        assertThat(msg).isEqualTo("Deployment secured-ns/nginx-deployment: rejected by the API server: "
                + "field spec.template.spec.containers[0].image: Required value; "
                + "field spec.selector: Invalid value: map[]: empty selector is invalid");
    }

    @Test
    void forbiddenSaysRbac() {
        var status = new StatusBuilder().withCode(403).withMessage("pods is forbidden: User \"x\" cannot list resource \"pods\"").build();
        assertThat(ApiErrors.describe("listing pods -n prod", new KubernetesClientException(status)))
                .isEqualTo("listing pods -n prod: forbidden by RBAC (403): pods is forbidden: User \"x\" cannot list resource \"pods\"");
    }

    @Test
    void anUnreachableClusterIsOneClearLine() throws Exception {
        int port;
        try (var s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (KubernetesClient c = new KubernetesClientBuilder().withConfig(new ConfigBuilder()
                .withMasterUrl("http://127.0.0.1:" + port).withRequestRetryBackoffLimit(0).withConnectionTimeout(1000).build()).build()) {
            assertThatThrownBy(() -> new PodTable(c).list("secured-ns", LabLog.SILENT))
                    .isInstanceOf(LabException.class)
                    .hasMessageStartingWith("listing pods -n secured-ns: the cluster is unreachable (")
                    .hasMessageEndingWith("Is it running? Check 'falconet lab status' or 'minikube status'");
        }
    }
}
