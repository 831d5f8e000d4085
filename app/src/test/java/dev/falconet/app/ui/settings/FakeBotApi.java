package dev.falconet.app.ui.settings;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/** A loopback stand-in for the Telegram Bot API: getMe and sendMessage for one token, 401 for any other. */
public final class FakeBotApi implements AutoCloseable {
    private final HttpServer server;
    private final String token;
    public final List<String> calls = new CopyOnWriteArrayList<>();

    public FakeBotApi(String token) throws IOException {
        this.token = token;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            ex.getRequestBody().readAllBytes();
            calls.add(path);
            String method = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
            int code = 200;
            String body;
            if (!path.startsWith("/bot" + token + "/")) {
                code = 401;
                body = "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}";
            } else if (method.equals("getme")) {
                body = "{\"ok\":true,\"result\":{\"id\":7,\"is_bot\":true,\"first_name\":\"Lab\",\"username\":\"lab_bot\"}}";
            } else {
                body = "{\"ok\":true,\"result\":{\"message_id\":42,\"date\":1685022245,\"chat\":{\"id\":-1001,\"type\":\"supergroup\"},\"text\":\"t\"}}";
            }
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(code, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String token() {
        return token;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
