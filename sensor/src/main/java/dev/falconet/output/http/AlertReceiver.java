package dev.falconet.output.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.falconet.output.Alert;
import dev.falconet.output.AlertJsonParser;
import dev.falconet.output.AlertSink;
import dev.falconet.output.OutputConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HTTP endpoint compatible with falcosidekick's input, so a real Falco ({@code http_output}) can send
 * its alerts to Falconet:
 * <ul>
 *   <li>{@code POST /} (any path not listed below): one Falco JSON alert; 200 with an empty body, or 400 with
 *       the reason (bad JSON, unknown priority, empty rule, missing time or output_fields);</li>
 *   <li>{@code /ping}: {@code pong}; {@code /healthz}: {@code {"status": "ok"}}.</li>
 * </ul>
 * Alerts go to one {@link AlertSink} (the command's {@code Outputs}, to which the app adds its feed), one at a
 * time in arrival order. With a bearer token set, {@code POST /} needs {@code Authorization: Bearer <token>};
 * listening beyond loopback requires one.
 */
public final class AlertReceiver implements AutoCloseable {
    /** Largest accepted body. */
    public static final int MAX_BODY = 1 << 20;
    private static final System.Logger LOG = System.getLogger(AlertReceiver.class.getName());

    private final HttpServer server;
    private final ExecutorService executor;
    private final byte[] token;
    private final AlertSink sink;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();

    private AlertReceiver(HttpServer server, ExecutorService executor, String token, AlertSink sink) {
        this.server = server;
        this.executor = executor;
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
        this.sink = sink;
    }

    /**
     * Starts listening.
     *
     * @param address     where to listen; beyond loopback {@code bearerToken} is required
     * @param bearerToken the token clients must present, or null (loopback only)
     * @param sink        where accepted alerts go
     * @throws OutputConfigException when a non-loopback address has no token
     * @throws IOException           when the address cannot be bound
     */
    public static AlertReceiver start(InetSocketAddress address, String bearerToken, AlertSink sink) throws IOException {
        if (address.isUnresolved()) throw new OutputConfigException("--listen: cannot resolve host '" + address.getHostString() + "'");
        boolean loopback = address.getAddress().isLoopbackAddress();
        if (!loopback && (bearerToken == null || bearerToken.isBlank())) {
            throw new OutputConfigException("--listen " + address.getHostString() + ":" + address.getPort()
                    + " accepts connections from other machines: set a bearer token with --token or FALCONET_RECEIVE_TOKEN "
                    + "(Falco: http_output.custom_headers: [\"Authorization: Bearer <token>\"]), or listen on 127.0.0.1");
        }
        HttpServer server = HttpServer.create(address, 64);
        // one thread: alerts reach the sink one at a time, in the order they arrived
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().daemon().name("falconet-receive").unstarted(r));
        AlertReceiver receiver = new AlertReceiver(server, executor, bearerToken == null || bearerToken.isBlank() ? null : bearerToken, sink);
        server.setExecutor(executor);
        server.createContext("/", receiver::handleAlert);
        server.createContext("/ping", ex -> reply(ex, 200, "text/plain", "pong\n"));
        server.createContext("/healthz", ex -> reply(ex, 200, "application/json", "{\"status\": \"ok\"}"));
        server.start();
        return receiver;
    }

    /** The bound address (the real port when 0 was asked). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** Alerts accepted so far. */
    public long accepted() {
        return accepted.get();
    }

    /** Requests refused so far (bad body, method or token). */
    public long rejected() {
        return rejected.get();
    }

    @Override
    public void close() {
        server.stop(1);
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handleAlert(HttpExchange ex) throws IOException {
        try (ex) {
            if (token != null && !authorized(ex.getRequestHeaders().getFirst("Authorization"))) {
                rejected.incrementAndGet();
                ex.getResponseHeaders().set("WWW-Authenticate", "Bearer");
                reply(ex, 401, "text/plain", "missing or wrong bearer token (Authorization: Bearer <token>)\n");
                return;
            }
            if (!"POST".equals(ex.getRequestMethod())) {
                rejected.incrementAndGet();
                reply(ex, 400, "text/plain", "Please send with post http method\n");
                return;
            }
            byte[] body = readBody(ex.getRequestBody());
            if (body == null) {
                rejected.incrementAndGet();
                reply(ex, 413, "text/plain", "body larger than " + MAX_BODY + " bytes: send one alert per request\n");
                return;
            }
            Alert alert;
            try {
                alert = AlertJsonParser.parseIncoming(new String(body, StandardCharsets.UTF_8));
            } catch (AlertJsonParser.InvalidAlertException e) {
                rejected.incrementAndGet();
                reply(ex, 400, "text/plain", "Please send a valid request body: " + e.getMessage() + "\n");
                return;
            }
            // into the outputs before answering: a 200 means the alert is printed, filed and spooled
            try {
                sink.accept(alert);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "receive: outputs failed on alert " + alert.uuid() + ": " + e);
            }
            accepted.incrementAndGet();
            reply(ex, 200, "text/plain", "");
        }
    }

    private boolean authorized(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) return false;
        return MessageDigest.isEqual(header.substring(7).trim().getBytes(StandardCharsets.UTF_8), token);
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] b = in.readNBytes(MAX_BODY + 1);
        return b.length > MAX_BODY ? null : b;
    }

    private static void reply(HttpExchange ex, int code, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        ex.sendResponseHeaders(code, b.length == 0 ? -1 : b.length);
        if (b.length > 0) {
            try (OutputStream os = ex.getResponseBody()) {
                os.write(b);
            }
        }
        ex.close();
    }
}
