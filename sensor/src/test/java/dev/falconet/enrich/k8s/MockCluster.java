package dev.falconet.enrich.k8s;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * fabric8's CRUD mock API server (what {@code @EnableKubernetesMockClient(crud = true)} starts), one per test.
 *
 * <p>The mock has a deadlock of its own: when a client closes a watch while the server still sends it an
 * event (the next test's clean-up deleting pods while the previous test's informers close, or the initial
 * events of a watch that has just opened), the server's event loop waits for the watch's sender, which
 * waits for the event loop, until a 30 s write timeout; stopping the server then fails with "Unable to close
 * MockWebServer" after 10 s. A fresh server per test removes the first case. The second cannot be seen from
 * outside the mock: {@link #close()} reports it on stderr and goes on, as it concerns only the mock's teardown,
 * after every assertion of the test has run.
 *
 * <p>In a test class: {@code @ExtendWith(MockCluster.PerTest.class)} and a {@code KubernetesClient} field.
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
        try {
            server.destroy();
        } catch (IllegalStateException e) {
            if (!String.valueOf(e.getMessage()).startsWith("Unable to close MockWebServer")) throw e;
            System.err.println("MockCluster: the mock API server did not stop in time (its watch-close deadlock, see MockCluster); going on");
        }
    }

    /** Starts a cluster before each test, sets the test's {@code KubernetesClient} fields to its client, stops it after. */
    public static final class PerTest implements BeforeEachCallback, AfterEachCallback {
        private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(MockCluster.class);

        @Override
        public void beforeEach(ExtensionContext context) throws IllegalAccessException {
            MockCluster cluster = start();
            context.getStore(NS).put(MockCluster.class, cluster);
            Object test = context.getRequiredTestInstance();
            for (Class<?> c = test.getClass(); c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (f.getType() == KubernetesClient.class && !java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                        f.setAccessible(true);
                        f.set(test, cluster.client());
                    }
                }
            }
        }

        @Override
        public void afterEach(ExtensionContext context) {
            MockCluster cluster = context.getStore(NS).remove(MockCluster.class, MockCluster.class);
            if (cluster != null) cluster.close();
        }
    }
}
