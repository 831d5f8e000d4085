package dev.falconet.output.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback Bot API server (getMe, sendMessage) with failure injection, for the real telegrambots client.
 * It checks the token and chat id like Telegram, parses MarkdownV2 strictly (reserved characters must be
 * escaped, entities closed) and keeps the posted messages as Telegram would show them.
 */
final class FakeBotApi implements AutoCloseable {
    static final String TOKEN = "123456789:AAHfakeTokenForTestsOnly_abcdefghijkl";
    static final String CHAT = "-1001234567890";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A message Telegram accepted: the request text, parse mode, thread, and the text as shown. */
    record Posted(int messageId, String chatId, Integer threadId, String text, String parseMode, String shown) {
    }

    /** What to do with the next sendMessage request instead of accepting it. */
    sealed interface Fault {
    }

    /** Answer with this HTTP status and raw body. */
    record Status(int code, String body) implements Fault {
    }

    /** 429 with parameters.retry_after. */
    record RetryAfter(int seconds) implements Fault {
    }

    /** Close the connection without answering. */
    record Drop() implements Fault {
    }

    /** Post the message, then close the connection without answering (the client cannot know it was posted). */
    record PostThenDrop() implements Fault {
    }

    /** Wait, then handle normally. */
    record Slow(long millis) implements Fault {
    }

    private final HttpServer server;
    private final List<Posted> posted;
    private final ConcurrentLinkedQueue<Fault> faults = new ConcurrentLinkedQueue<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger nextId = new AtomicInteger(1);
    private volatile Set<String> chats = Set.of(CHAT);
    private volatile boolean down;

    FakeBotApi() throws IOException {
        this(0);
    }

    FakeBotApi(int port) throws IOException {
        this(port, new CopyOnWriteArrayList<>());
    }

    /** A server on {@code port} adding to {@code posted} (shared with an earlier instance, across an outage). */
    FakeBotApi(int port, List<Posted> posted) throws IOException {
        this.posted = posted;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        // handlers run on the server's dispatcher thread unless a fault needs to wait (fewer thread hand-offs per request)
        server.setExecutor(Boolean.getBoolean("fakebotapi.direct") ? null : Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + port());
    }

    TelegramSettings settings() {
        return new TelegramSettings(TOKEN, CHAT, dev.falconet.rules.Priority.DEBUG, null, url(), 0);
    }

    List<Posted> posted() {
        return new ArrayList<>(posted);
    }

    /** The live list of posted messages (to hand to the next instance). */
    List<Posted> postedLive() {
        return posted;
    }

    int requests() {
        return requests.get();
    }

    void inject(Fault... f) {
        faults.addAll(List.of(f));
    }

    /** While down, every request's connection is closed before an answer (like an outage behind a proxy). */
    void down(boolean d) {
        down = d;
    }

    @Override
    public void close() {
        server.stop(0);
        if (server.getExecutor() instanceof java.util.concurrent.ExecutorService es) es.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            requests.incrementAndGet();
            String path = ex.getRequestURI().getPath();
            byte[] reqBody = ex.getRequestBody().readAllBytes();
            if (down) {
                return; // closing without a response
            }
            if (!path.startsWith("/bot" + TOKEN + "/")) {
                reply(ex, 401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");
                return;
            }
            String method = path.substring(path.lastIndexOf('/') + 1).toLowerCase();
            if (method.equals("getme")) {
                reply(ex, 200, "{\"ok\":true,\"result\":{\"id\":123456789,\"is_bot\":true,\"first_name\":\"Falconet test\",\"username\":\"falconet_test_bot\"}}");
                return;
            }
            if (!method.equals("sendmessage")) {
                reply(ex, 404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
                return;
            }
            Fault f = faults.poll();
            switch (f) {
                case Status s -> {
                    reply(ex, s.code(), s.body());
                    return;
                }
                case RetryAfter r -> {
                    reply(ex, 429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after " + r.seconds()
                            + "\",\"parameters\":{\"retry_after\":" + r.seconds() + "}}");
                    return;
                }
                case Drop d -> {
                    return;
                }
                case Slow s -> sleep(s.millis());
                case null, default -> {
                }
            }
            JsonNode req = JSON.readTree(reqBody);
            String chat = req.path("chat_id").asText();
            if (!chats.contains(chat)) {
                reply(ex, 400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: chat not found\"}");
                return;
            }
            String text = req.path("text").asText();
            String mode = req.hasNonNull("parse_mode") ? req.get("parse_mode").asText() : null;
            String shown;
            try {
                shown = "MarkdownV2".equals(mode) ? MarkdownV2Parser.parse(text) : text;
            } catch (IllegalArgumentException e) {
                reply(ex, 400, JSON.writeValueAsString(java.util.Map.of("ok", false, "error_code", 400,
                        "description", "Bad Request: can't parse entities: " + e.getMessage())));
                return;
            }
            if (shown.length() > 4096) {
                reply(ex, 400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: message is too long\"}");
                return;
            }
            int id = nextId.getAndIncrement();
            Integer thread = req.hasNonNull("message_thread_id") ? req.get("message_thread_id").asInt() : null;
            posted.add(new Posted(id, chat, thread, text, mode, shown));
            if (f instanceof PostThenDrop) return;
            reply(ex, 200, "{\"ok\":true,\"result\":{\"message_id\":" + id + ",\"date\":1685022245,\"chat\":{\"id\":" + chat
                    + ",\"type\":\"supergroup\"},\"text\":" + JSON.writeValueAsString(shown) + "}}");
        }
    }

    private static void reply(HttpExchange ex, int code, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", body.startsWith("{") ? "application/json" : "text/html");
        ex.sendResponseHeaders(code, b.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(b);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
