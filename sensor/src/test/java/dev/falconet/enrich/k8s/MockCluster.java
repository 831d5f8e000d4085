package dev.falconet.enrich.k8s;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.http.ByteString;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * fabric8's CRUD mock API server (what {@code @EnableKubernetesMockClient(crud = true)} starts), one per test,
 * with a fix for the mock's watch-close deadlock.
 *
 * <p>The deadlock: a watch's listener sends events from its own thread and waits for each write, which the
 * server's event loop performs; when the client closes the watch, the listener's {@code onClosed}, called on
 * that event loop, waits for the sending thread to finish. A watch closed while events are still on their
 * way (the mock sends a new watch every existing object, so closing informers soon after starting them is
 * enough) blocks the event loop for the 30 s write timeout, and stopping the server fails with "Unable to
 * close MockWebServer". {@link OffLoopClose} runs {@code onClosed} and {@code onFailure} on a thread of their
 * own, which leaves the event loop free to finish the writes. {@link MockClusterSelfTest} provokes it.
 *
 * <p>In a test class: {@code @ExtendWith(MockCluster.PerTest.class)} and a {@code KubernetesClient} field.
 */
public final class MockCluster implements AutoCloseable {
    private final KubernetesMockServer server;
    private final KubernetesClient client;

    private MockCluster() {
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        server = new KubernetesMockServer(new Context(Serialization.jsonMapper()), new MockWebServer(), responses,
                new OffLoopCloseDispatcher(responses), false);
        server.init();
        client = server.createClient();
    }

    public static MockCluster start() {
        return new MockCluster();
    }

    public KubernetesClient client() {
        return client;
    }

    /** The first non-empty answer within 10 s (informers see a change through their watches a little later), else empty. */
    public static <T> Optional<T> eventually(Supplier<Optional<T>> s) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Optional<T> v = s.get();
        while (v.isEmpty() && System.nanoTime() < until) {
            Thread.sleep(20);
            v = s.get();
        }
        return v;
    }

    /** Closes the client (and its informers' watches) first, then stops the server; fails when it cannot. */
    void closeStrictly() {
        client.close();
        server.destroy();
    }

    /** Closes the client (and its informers' watches) first, then stops the server. */
    @Override
    public void close() {
        try {
            closeStrictly();
        } catch (IllegalStateException e) {
            if (!String.valueOf(e.getMessage()).startsWith("Unable to close MockWebServer")) throw e;
            // the assertions of the test have all run: report the mock's failure to stop and go on
            System.err.println("MockCluster: the mock API server did not stop in time; going on");
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

    /** The CRUD dispatcher, with every watch's listener wrapped in {@link OffLoopClose}. */
    private static final class OffLoopCloseDispatcher extends KubernetesMixedDispatcher {
        OffLoopCloseDispatcher(Map<ServerRequest, Queue<ServerResponse>> responses) {
            super(responses);
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            MockResponse response = super.dispatch(request);
            WebSocketListener listener = response == null ? null : response.getWebSocketListener();
            return listener == null ? response : response.withWebSocketUpgrade(new OffLoopClose(listener));
        }
    }

    /** A watch's listener whose close and failure callbacks leave the server's event loop at once. */
    private static final class OffLoopClose extends WebSocketListener {
        private final WebSocketListener watch;

        OffLoopClose(WebSocketListener watch) {
            this.watch = watch;
        }

        @Override
        public void onBeforeAccept(WebSocket ws, Response response) {
            watch.onBeforeAccept(ws, response);
        }

        @Override
        public void onOpen(WebSocket ws, Response response) {
            watch.onOpen(ws, response);
        }

        @Override
        public void onMessage(WebSocket ws, String text) {
            watch.onMessage(ws, text);
        }

        @Override
        public void onMessage(WebSocket ws, ByteString bytes) {
            watch.onMessage(ws, bytes);
        }

        @Override
        public void onMessage(WebSocket ws, byte[] bytes) {
            watch.onMessage(ws, bytes);
        }

        @Override
        public void onClosing(WebSocket ws, int code, String reason) {
            watch.onClosing(ws, code, reason);
        }

        @Override
        public void onClosed(WebSocket ws, int code, String reason) {
            Thread.ofPlatform().daemon().name("mock-watch-closed").start(() -> watch.onClosed(ws, code, reason));
        }

        @Override
        public void onFailure(WebSocket ws, Throwable t, Response response) {
            Thread.ofPlatform().daemon().name("mock-watch-failed").start(() -> watch.onFailure(ws, t, response));
        }
    }
}
