package dev.falconet.enrich.k8s;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;

/**
 * fabric8's CRUD mock API server (what {@code @EnableKubernetesMockClient(crud = true)} starts), one per test.
 *
 * <p>Why not one per class: the mock's watch handler, when a client closes a watch while the server is
 * still sending it an event (the next test's clean-up deleting pods while the previous test's informers
 * close), blocks the server's event loop waiting for its sender, which waits for the event loop; the
 * server then fails to stop ("Unable to close MockWebServer"). With a fresh server per test nothing is
 * sent to a closing watch: every change happens while the informers are open or before they start.
 */
public final class MockCluster implements AutoCloseable {
    private final KubernetesMockServer server;
    private final KubernetesClient client;

    private MockCluster() {
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        server = new KubernetesMockServer(new Context(Serialization.jsonMapper()), new MockWebServer(), responses,
                new KubernetesMixedDispatcher(responses), false);
        server.init();
        client = server.createClient();
    }

    public static MockCluster start() {
        return new MockCluster();
    }

    public KubernetesClient client() {
        return client;
    }

    /** Closes the client (and its informers' watches) first, then stops the server. */
    @Override
    public void close() {
        client.close();
        server.destroy();
    }
}
