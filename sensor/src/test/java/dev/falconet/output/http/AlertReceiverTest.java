package dev.falconet.output.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.falconet.output.Alert;
import dev.falconet.output.AlertFormats;
import dev.falconet.output.DeliveryState;
import dev.falconet.output.DeliveryStatus;
import dev.falconet.output.OutputConfigException;
import dev.falconet.output.TestAlerts;
import dev.falconet.rules.Priority;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AlertReceiverTest {
    /** The example alert of falcosidekick.md, as Falco posts it. */
    static final String FALCO_ALERT = "{\"hostname\":\"node-1\",\"output\":\"13:44:05.478445995: Warning Sensitive file opened for reading by "
            + "non-trusted program | file=/etc/pam.d/passwd ... container_id=3ad7b26ded6d container_name=lab\",\"output_fields\":"
            + "{\"container.id\":\"3ad7b26ded6d\",\"container.name\":\"lab\",\"evt.time\":1685022245478445995,\"evt.type\":\"openat\","
            + "\"fd.name\":\"/etc/pam.d/passwd\",\"proc.aname[2]\":null,\"proc.cmdline\":\"cat /etc/pam.d/passwd\",\"user.loginuid\":-1},"
            + "\"priority\":\"Warning\",\"rule\":\"Read sensitive file untrusted\",\"source\":\"syscall\",\"tags\":[\"T1555\",\"container\","
            + "\"filesystem\",\"host\",\"maturity_stable\",\"mitre_credential_access\"],\"time\":\"2023-05-25T13:44:05.478445995Z\"}";

    final List<Alert> received = new CopyOnWriteArrayList<>();
    final HttpClient http = HttpClient.newHttpClient();
    AlertReceiver receiver;

    @AfterEach
    void stop() {
        if (receiver != null) receiver.close();
        http.close();
    }

    AlertReceiver start(String token) throws Exception {
        receiver = AlertReceiver.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), token, received::add);
        return receiver;
    }

    HttpResponse<String> post(String path, String body, String auth) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + receiver.address().getPort() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        if (auth != null) b.header("Authorization", auth);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void acceptsFalcosAlertJson() throws Exception {
        start(null);
        HttpResponse<String> r = post("/", FALCO_ALERT, null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
        assertThat(received).singleElement().satisfies(a -> {
            assertThat(a.rule()).isEqualTo("Read sensitive file untrusted");
            assertThat(a.priority()).isEqualTo(Priority.WARNING);
            assertThat(a.timeNanos()).isEqualTo(TestAlerts.TIME);
            assertThat(a.outputFields()).containsEntry("evt.time", 1685022245478445995L).containsEntry("user.loginuid", -1L)
                    .containsEntry("proc.aname[2]", null);
            assertThat(a.message()).startsWith("Sensitive file opened");
            assertThat(a.uuid()).hasSize(36);
            assertThat(AlertFormats.json(a)).startsWith(FALCO_ALERT.substring(0, FALCO_ALERT.length() - 1) + ",\"uuid\":\"");
        });
    }

    @Test
    void keepsHugeNumbersExact() throws Exception {
        start(null);
        assertThat(post("/", FALCO_ALERT.replace("\"user.loginuid\":-1", "\"user.loginuid\":18446744073709551615"), null).statusCode()).isEqualTo(200);
        assertThat(received.getFirst().outputFields().get("user.loginuid")).isEqualTo(new BigInteger("18446744073709551615"));
    }

    @Test
    void invalidUtf8BytesBecomeReplacementCharacters() throws Exception {
        start(null);
        String text = FALCO_ALERT.replace("\"proc.cmdline\":\"cat /etc/pam.d/passwd\"", "\"proc.cmdline\":\"cat XX\"");
        byte[] body = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int at = text.indexOf("cat XX") + 4;
        body[at] = (byte) 0xff; // never valid in UTF-8
        body[at + 1] = (byte) 0xc3; // a lead byte without its continuation
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + receiver.address().getPort() + "/"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(received.getFirst().outputFields().get("proc.cmdline")).isEqualTo("cat \uFFFD\uFFFD");
        assertThat(dev.falconet.output.telegram.TelegramFormat.render(received.getFirst()).text()).contains("*proc\\.cmdline*: cat \uFFFD\uFFFD\n");
    }

    @Test
    void rejectsMalformedBodiesWithAReason() throws Exception {
        start(null);
        HttpResponse<String> bad = post("/", "{\"rule\": \"x\", ", null);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).startsWith("Please send a valid request body: not valid JSON");
        assertThat(post("/", "", null).body()).contains("empty body");
        assertThat(post("/", "[1]", null).body()).contains("expected a JSON object");
        assertThat(post("/", FALCO_ALERT.replace("\"Warning\"", "\"Loud\""), null).body()).contains("\"priority\" must be one of");
        assertThat(post("/", FALCO_ALERT.replace("\"rule\":\"Read sensitive file untrusted\"", "\"rule\":\"\""), null).body())
                .contains("\"rule\" is missing or empty");
        assertThat(post("/", FALCO_ALERT.replaceAll("\"output_fields\":\\{[^}]*}", "\"output_fields\":{}"), null).body())
                .contains("\"output_fields\" is missing or empty");
        assertThat(post("/", FALCO_ALERT.replace("2023-05-25T13:44:05.478445995Z", "yesterday"), null).body()).contains("\"time\" is not an RFC 3339 time");
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + receiver.address().getPort() + "/")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(400);
        assertThat(get.body()).contains("Please send with post http method");
        assertThat(received).isEmpty();
        assertThat(receiver.rejected()).isEqualTo(8);
    }

    @Test
    void answersPingAndHealthz() throws Exception {
        start(null);
        String base = "http://127.0.0.1:" + receiver.address().getPort();
        assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/ping")).build(), HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("pong\n");
        assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/healthz")).build(), HttpResponse.BodyHandlers.ofString()).body())
                .isEqualTo("{\"status\": \"ok\"}");
    }

    @Test
    void aTokenIsRequiredWhenSetAndBeyondLoopback() throws Exception {
        start("s3cret-token");
        assertThat(post("/", FALCO_ALERT, null).statusCode()).isEqualTo(401);
        assertThat(post("/", FALCO_ALERT, "Bearer wrong").statusCode()).isEqualTo(401);
        assertThat(post("/", FALCO_ALERT, "Bearer s3cret-token").statusCode()).isEqualTo(200);
        assertThat(received).hasSize(1);
        assertThatThrownBy(() -> AlertReceiver.start(new InetSocketAddress("0.0.0.0", 0), null, received::add))
                .isInstanceOf(OutputConfigException.class).hasMessageContaining("set a bearer token with --token");
    }

    @Test
    void theHttpOutputPostsFalcoJsonThatAReceiverAccepts() throws Exception {
        start("tok");
        List<DeliveryStatus> statuses = new CopyOnWriteArrayList<>();
        URI url = URI.create("http://127.0.0.1:" + receiver.address().getPort() + "/");
        HttpPostSink ok = new HttpPostSink(url, "tok", statuses::add, 100, Duration.ofMillis(10), Duration.ofSeconds(5)).start();
        ok.accept(TestAlerts.dropAndExecute());
        ok.accept(TestAlerts.hostile(100));
        ok.close();
        assertThat(received).hasSize(2);
        Alert back = received.getFirst();
        Alert orig = TestAlerts.dropAndExecute();
        assertThat(AlertFormats.json(back).replace(back.uuid(), orig.uuid())).isEqualTo(AlertFormats.json(orig));
        assertThat(received.get(1).outputFields().get("proc.cmdline")).isEqualTo(TestAlerts.hostile(100).outputFields().get("proc.cmdline"));
        assertThat(received.get(1).outputFields().get("proc.name")).isEqualTo("ev\u0001il\uFFFD\nname"); // a lone surrogate is not valid UTF-8
        assertThat(statuses).filteredOn(s -> s.state() == DeliveryState.SENT).hasSize(2);

        statuses.clear();
        HttpPostSink noToken = new HttpPostSink(url, null, statuses::add, 100, Duration.ofMillis(10), Duration.ofSeconds(5)).start();
        noToken.accept(TestAlerts.readSensitiveFile());
        noToken.close();
        assertThat(statuses.getLast().state()).isEqualTo(DeliveryState.FAILED);
        assertThat(statuses.getLast().reason()).startsWith("refused: HTTP 401");
    }
}
