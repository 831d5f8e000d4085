package dev.falconet.output.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.falconet.output.DeliveryState;
import dev.falconet.output.DeliveryStatus;
import dev.falconet.output.TestAlerts;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HttpPostSinkTest {
    @Test
    void retriesServerErrorsAndGivesUpAfterFiveAttempts() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        List<String> bodies = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.createContext("/", ex -> {
            int n = requests.incrementAndGet();
            bodies.add(new String(ex.getRequestBody().readAllBytes()));
            // the first alert: two 503s then 200; the second: always 500
            int code = n <= 2 ? 503 : n == 3 ? 200 : 500;
            ex.sendResponseHeaders(code, -1);
            ex.close();
        });
        server.start();
        try {
            List<DeliveryStatus> st = new CopyOnWriteArrayList<>();
            HttpPostSink sink = new HttpPostSink(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"), null, st::add,
                    10, Duration.ofMillis(5), Duration.ofSeconds(10)).start();
            sink.accept(TestAlerts.readSensitiveFile());
            sink.accept(TestAlerts.writeBelowTestDir());
            sink.close();
            assertThat(requests.get()).isEqualTo(3 + HttpPostSink.ATTEMPTS);
            assertThat(bodies.getFirst()).startsWith("{\"hostname\":\"node-1\",\"output\":");
            String first = TestAlerts.readSensitiveFile().uuid();
            assertThat(st.stream().filter(s -> s.alertUuid().equals(first)).map(DeliveryStatus::state).toList()).containsExactly(
                    DeliveryState.QUEUED, DeliveryState.SENDING, DeliveryState.RETRYING, DeliveryState.SENDING, DeliveryState.RETRYING,
                    DeliveryState.SENDING, DeliveryState.SENT);
            DeliveryStatus last = st.getLast();
            assertThat(last.state()).isEqualTo(DeliveryState.FAILED);
            assertThat(last.reason()).isEqualTo("HTTP 500 (gave up after 5 attempts)");
        } finally {
            server.stop(0);
        }
    }
}
