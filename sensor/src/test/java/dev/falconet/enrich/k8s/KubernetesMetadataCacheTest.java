package dev.falconet.enrich.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.falconet.event.ContainerInfo;
import dev.falconet.event.K8sInfo;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The informer-backed metadata cache against fabric8's CRUD mock API server. */
@org.junit.jupiter.api.extension.ExtendWith(MockCluster.PerTest.class)
class KubernetesMetadataCacheTest {
    /** Set by {@link MockCluster.PerTest}: a fresh CRUD mock API server per test (see MockCluster for why). */
    KubernetesClient client;

    static final String SECURED_ID = "dc464dda0dc9f6b2a0c1e2d3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3";
    static final String PROD_ID = "70b77a8d28c7e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f70819";

    private String nsUid(String name) {
        return client.namespaces().withName(name).get().getMetadata().getUid();
    }

    private static ContainerInfo container(String fullId, Map<String, String> labels) {
        return new ContainerInfo(fullId.substring(0, 12), fullId, "containerd", "k8s_ubuntu", "ubuntu", "ubuntu", "latest",
                "", "", false, 0, List.of(), labels, null);
    }

    /** What a Deployment controller and the kubelet would have created (the mock runs neither). */
    private void ubuntuDeployment(String ns, String hash, String podSuffix, String statusId, String podIp) {
        client.resource(new ReplicaSetBuilder().withNewMetadata().withNamespace(ns).withName("ubuntu-deployment-" + hash)
                .addNewOwnerReference().withApiVersion("apps/v1").withKind("Deployment").withName("ubuntu-deployment")
                .withUid("dep-uid-" + ns).withController(true).endOwnerReference().endMetadata()
                .withNewSpec().withNewSelector().addToMatchLabels("app", "ubuntu").endSelector().endSpec().build()).create();
        client.resource(pod(ns, "ubuntu-deployment-" + hash + "-" + podSuffix, hash, statusId, podIp)).create();
    }

    private static Pod pod(String ns, String name, String hash, String statusId, String podIp) {
        return new PodBuilder().withNewMetadata().withNamespace(ns).withName(name).withUid("pod-uid-" + name)
                .addToLabels("app", "ubuntu").addToLabels("pod-template-hash", hash)
                .addNewOwnerReference().withApiVersion("apps/v1").withKind("ReplicaSet").withName("ubuntu-deployment-" + hash)
                .withUid("rs-uid-" + ns).withController(true).endOwnerReference().endMetadata()
                .withNewSpec().addNewContainer().withName("ubuntu").withImage("ubuntu").endContainer().withNodeName("minikube").endSpec()
                .withNewStatus().withPhase("Running").withPodIP(podIp)
                .addNewContainerStatus().withName("ubuntu").withContainerID(statusId).withReady(true).endContainerStatus()
                .endStatus().build();
    }

    private void labNamespaces() {
        client.resource(new NamespaceBuilder().withNewMetadata().withName("secured-ns").withUid("ns-uid-secured")
                .addToLabels("app.kubernetes.io/part-of", "falconet-lab").endMetadata().build()).create();
        client.resource(new NamespaceBuilder().withNewMetadata().withName("prod").withUid("ns-uid-prod").endMetadata().build()).create();
        client.resource(new ServiceBuilder().withNewMetadata().withNamespace("secured-ns").withName("ubuntu-service").endMetadata()
                .withNewSpec().addToSelector("app", "ubuntu").addNewPort().withPort(22).endPort().endSpec().build()).create();
        client.resource(new ServiceBuilder().withNewMetadata().withNamespace("secured-ns").withName("foo-service").endMetadata()
                .withNewSpec().addToSelector("app", "foo").addNewPort().withPort(8080).endPort().endSpec().build()).create();
    }

    @Test
    void resolvesContainerIdsToPodNamespaceDeploymentAndServices() throws Exception {
        labNamespaces();
        ubuntuDeployment("secured-ns", "5fccb98689", "zmn4t", "containerd://" + SECURED_ID, "10.244.0.7");
        ubuntuDeployment("prod", "5fccb98689", "vrzg", "docker://" + PROD_ID, "10.244.0.9");

        // all nodes: the CRUD mock does not filter by the spec.nodeName field selector (a real API server does)
        try (var cache = new KubernetesMetadataCache(client, null)) {
            assertThat(cache.awaitSynced(Duration.ofSeconds(10))).isTrue();
            assertThat(cache.health().state()).isEqualTo(K8sHealth.State.READY);

            K8sInfo secured = cache.lookup(container(SECURED_ID, Map.of())).orElseThrow();
            assertThat(secured.nsName()).isEqualTo("secured-ns");
            assertThat(secured.podName()).isEqualTo("ubuntu-deployment-5fccb98689-zmn4t");
            assertThat(secured.podUid()).isEqualTo(client.pods().inNamespace("secured-ns")
                    .withName("ubuntu-deployment-5fccb98689-zmn4t").get().getMetadata().getUid());
            assertThat(secured.podLabels()).containsEntry("app", "ubuntu").containsEntry("pod-template-hash", "5fccb98689");
            assertThat(secured.podIp()).isEqualTo("10.244.0.7");
            assertThat(secured.nsUid()).isEqualTo(nsUid("secured-ns")).isNotNull();
            assertThat(secured.nsLabels()).containsEntry("app.kubernetes.io/part-of", "falconet-lab");
            assertThat(secured.replicaSetName()).isEqualTo("ubuntu-deployment-5fccb98689");
            assertThat(secured.deploymentName()).isEqualTo("ubuntu-deployment");
            assertThat(secured.deploymentUid()).isEqualTo("dep-uid-secured-ns");
            assertThat(secured.serviceNames()).containsExactly("ubuntu-service");
            assertThat(secured.nodeName()).isEqualTo("minikube");

            // short id only (what Falco prints as container.id), docker:// runtime prefix
            var shortOnly = new ContainerInfo(PROD_ID.substring(0, 12), null, "docker", "", "", "", "", "", "", null, 0,
                    List.of(), Map.of(), null);
            K8sInfo prod = cache.lookup(shortOnly).orElseThrow();
            assertThat(prod.nsName()).isEqualTo("prod");
            assertThat(prod.podName()).isEqualTo("ubuntu-deployment-5fccb98689-vrzg");
            assertThat(prod.deploymentName()).isEqualTo("ubuntu-deployment");
            assertThat(prod.serviceNames()).isEmpty();
            assertThat(cache.missingReason(shortOnly)).isEmpty();
        }
    }

    @Test
    void unknownContainersAreEmptyThenFilledWhenTheWatchDeliversThePod() throws Exception {
        labNamespaces();
        try (var cache = new KubernetesMetadataCache(client, null)) {
            assertThat(cache.awaitSynced(Duration.ofSeconds(10))).isTrue();
            ContainerInfo c = container(SECURED_ID, Map.of());
            assertThat(cache.lookup(c)).isEmpty();
            assertThat(cache.missingReason(c)).hasValue("pod of container dc464dda0dc9 not yet seen by the metadata cache");

            ubuntuDeployment("secured-ns", "5fccb98689", "zmn4t", "containerd://" + SECURED_ID, "10.244.0.7");

            assertThat(MockCluster.eventually(() -> cache.lookup(c))).get().extracting(K8sInfo::podName)
                    .isEqualTo("ubuntu-deployment-5fccb98689-zmn4t");
        }
    }

    @Test
    void runtimeLabelsFindThePodBeforeItsStatusHasTheContainerId() throws Exception {
        labNamespaces();
        // the kubelet has not reported the container id yet
        client.resource(pod("secured-ns", "ubuntu-deployment-5fccb98689-zmn4t", "5fccb98689", null, null)).create();
        try (var cache = new KubernetesMetadataCache(client, null)) {
            assertThat(cache.awaitSynced(Duration.ofSeconds(10))).isTrue();
            var labels = Map.of(KubernetesMetadataCache.LABEL_POD_NAME, "ubuntu-deployment-5fccb98689-zmn4t",
                    KubernetesMetadataCache.LABEL_POD_NAMESPACE, "secured-ns",
                    KubernetesMetadataCache.LABEL_POD_UID, "pod-uid-ubuntu-deployment-5fccb98689-zmn4t");
            K8sInfo info = cache.lookup(container(SECURED_ID, labels)).orElseThrow();
            assertThat(info.nsName()).isEqualTo("secured-ns");
            assertThat(info.nsUid()).isEqualTo(nsUid("secured-ns")).isNotNull();

            // a pod the cache never saw: the runtime labels alone still give name, namespace, uid
            var other = Map.of(KubernetesMetadataCache.LABEL_POD_NAME, "bar-app",
                    KubernetesMetadataCache.LABEL_POD_NAMESPACE, "secured-ns", KubernetesMetadataCache.LABEL_POD_UID, "u-1");
            K8sInfo basic = cache.lookup(container(PROD_ID, other)).orElseThrow();
            assertThat(basic.podName()).isEqualTo("bar-app");
            assertThat(basic.podUid()).isEqualTo("u-1");
            assertThat(basic.nsUid()).isNull();
        }
    }

    @Test
    void rbacRefusalIsReportedAsTheReason() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            byte[] body = ("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\"pods is forbidden: "
                    + "User \\\"system:serviceaccount:falconet:falconet-sensor\\\" cannot list resource \\\"pods\\\" in API group "
                    + "\\\"\\\" at the cluster scope\",\"reason\":\"Forbidden\",\"code\":403}").getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(403, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        try (KubernetesClient forbidden = new KubernetesClientBuilder().withConfig(new ConfigBuilder()
                .withMasterUrl("http://127.0.0.1:" + server.getAddress().getPort()).withNamespace("default")
                .withRequestRetryBackoffLimit(0).build()).build();
             var cache = new KubernetesMetadataCache(forbidden, null)) {
            K8sHealth h = eventuallyHealth(cache, K8sHealth.State.RBAC_DENIED);
            assertThat(h.state()).isEqualTo(K8sHealth.State.RBAC_DENIED);
            assertThat(h.describe()).startsWith("no Kubernetes metadata: RBAC refused: cannot list/watch ")
                    .contains("403").contains("cannot list resource");
            assertThat(cache.missingReason(container(SECURED_ID, Map.of()))).hasValueSatisfying(r -> assertThat(r).contains("RBAC refused"));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anUnreachableApiServerIsReportedAsTheReason() throws Exception {
        int port;
        try (var s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (KubernetesClient nowhere = new KubernetesClientBuilder().withConfig(new ConfigBuilder()
                .withMasterUrl("http://127.0.0.1:" + port).withRequestRetryBackoffLimit(0).withConnectionTimeout(500).build()).build();
             var cache = new KubernetesMetadataCache(nowhere, null)) {
            K8sHealth h = eventuallyHealth(cache, K8sHealth.State.UNREACHABLE);
            assertThat(h.state()).isEqualTo(K8sHealth.State.UNREACHABLE);
            assertThat(cache.missingReason(container(SECURED_ID, Map.of()))).get().asString()
                    .startsWith("no Kubernetes metadata: API server unreachable");
        }
    }

    private static K8sHealth eventuallyHealth(KubernetesMetadataCache cache, K8sHealth.State want) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        K8sHealth h = cache.health();
        while (h.state() != want && System.nanoTime() < until) {
            Thread.sleep(20);
            h = cache.health();
        }
        return h;
    }

    @Test
    void withoutAKubeconfigTheReasonSaysSo(@TempDir Path home) throws Exception {
        Path token = home.resolve("token");
        assertThat(K8sMetadataSources.whyNoConfig(Map.of(), home, token))
                .startsWith("no kubeconfig (not running in a pod, no $KUBECONFIG, no " + home.resolve(".kube/config"));
        var none = K8sMetadataSources.connect("minikube", Map.of(), home, token);
        assertThat(none.lookup(container(SECURED_ID, Map.of()))).isEmpty();
        assertThat(none.missingReason(container(SECURED_ID, Map.of()))).get().asString().startsWith("no Kubernetes metadata: no kubeconfig");

        assertThat(K8sMetadataSources.whyNoConfig(Map.of("KUBECONFIG", "/nope/config"), home, token))
                .isEqualTo("KUBECONFIG=/nope/config names no readable file");
        Files.createDirectories(home.resolve(".kube"));
        Files.writeString(home.resolve(".kube/config"), "apiVersion: v1\nkind: Config\n");
        assertThat(K8sMetadataSources.whyNoConfig(Map.of(), home, token)).isNull();
        Files.writeString(token, "t");
        assertThat(K8sMetadataSources.whyNoConfig(Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1"), home.resolve("x"), token)).isNull();
    }

    @Test
    void containerIdPrefixes() {
        assertThat(ContainerIds.bare("containerd://ABC")).isEqualTo("abc");
        assertThat(ContainerIds.bare("cri-o://" + PROD_ID)).isEqualTo(PROD_ID);
        assertThat(ContainerIds.keys("docker://" + PROD_ID)).containsExactly(PROD_ID, PROD_ID.substring(0, 12));
        assertThat(ContainerIds.keys(null)).isEmpty();
    }
}
