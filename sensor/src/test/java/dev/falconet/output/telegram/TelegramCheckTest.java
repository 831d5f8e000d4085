package dev.falconet.output.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falconet.rules.Priority;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TelegramCheckTest {
    FakeBotApi api;

    @BeforeEach
    void start() throws Exception {
        api = new FakeBotApi();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private TelegramCheck.Report check(String token, String chat, URI url) {
        return TelegramCheck.run(new TelegramSettings(token, chat, Priority.DEBUG, null, url, 0), Duration.ofSeconds(2));
    }

    @Test
    void postsATestAlertWhenEverythingIsRight() {
        TelegramCheck.Report r = check(FakeBotApi.TOKEN, FakeBotApi.CHAT, api.url());
        assertThat(r.ok()).isTrue();
        assertThat(r.lines()).anyMatch(l -> l.equals("token ok: bot @falconet_test_bot (id 123456789)"))
                .anyMatch(l -> l.startsWith("chat ok: test message 1 posted to chat " + FakeBotApi.CHAT));
        assertThat(api.posted().getFirst().shown()).startsWith("[Falco] [Debug] Test rule").contains("This is a test from Falconet");
    }

    @Test
    void saysTheTokenIsBadOn401() {
        String bad = "111111:AAthisIsNotTheRightTokenAtAll_xyz";
        TelegramCheck.Report r = check(bad, FakeBotApi.CHAT, api.url());
        assertThat(r.ok()).isFalse();
        assertThat(r.lines().getLast()).startsWith("bad token: Telegram answered 401 Unauthorized to getMe");
        assertThat(String.join("\n", r.lines())).doesNotContain("AAthisIsNotTheRightToken").contains("111111:****");
    }

    @Test
    void saysTheChatIsNotFoundOn400() {
        TelegramCheck.Report r = check(FakeBotApi.TOKEN, "-1009999", api.url());
        assertThat(r.ok()).isFalse();
        assertThat(r.lines().getLast()).startsWith("chat not found: Telegram answered 400 Bad Request: chat not found. Chat -1009999 is wrong");
        assertThat(String.join("\n", r.lines())).doesNotContain(FakeBotApi.TOKEN);
    }

    @Test
    void saysWhenTheNetworkIsTheProblem() throws Exception {
        int unused;
        try (ServerSocket s = new ServerSocket(0)) {
            unused = s.getLocalPort();
        }
        TelegramCheck.Report r = check(FakeBotApi.TOKEN, FakeBotApi.CHAT, URI.create("http://127.0.0.1:" + unused));
        assertThat(r.lines().getLast()).startsWith("network: cannot reach http://127.0.0.1:" + unused + " (ConnectException");
    }

    @Test
    void saysWhenTlsIsTheProblem() throws Exception {
        // a plain-HTTP server given as https://: one that answers the ClientHello with plain text, one that stays silent
        try (ServerSocket plain = new ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
            Thread t = Thread.ofVirtual().start(() -> {
                try (java.net.Socket c = plain.accept()) {
                    c.getInputStream().read(new byte[512]);
                    c.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes());
                } catch (java.io.IOException e) {
                    // test ends
                }
            });
            TelegramCheck.Report r = check(FakeBotApi.TOKEN, FakeBotApi.CHAT, URI.create("https://127.0.0.1:" + plain.getLocalPort()));
            assertThat(r.ok()).isFalse();
            assertThat(r.lines().getLast()).startsWith("TLS: the secure connection to 127.0.0.1 failed (the TLS handshake did not complete: SSLException");
            t.join(2000);
        }
        TelegramCheck.Report silent = TelegramCheck.run(new TelegramSettings(FakeBotApi.TOKEN, FakeBotApi.CHAT, Priority.DEBUG, null,
                URI.create("https://127.0.0.1:" + api.port()), 0), Duration.ofMillis(500));
        assertThat(silent.lines().getLast()).startsWith("TLS: the secure connection to 127.0.0.1 failed (the TLS handshake did not complete: SocketTimeoutException");
    }

    @Test
    void saysWhenTheServerIsNotTheBotApi() {
        api.inject(new FakeBotApi.Status(502, "<html>bad gateway</html>"));
        TelegramCheck.Report r = check(FakeBotApi.TOKEN, FakeBotApi.CHAT, api.url());
        assertThat(r.lines().getLast()).isEqualTo("refused: Telegram answered 502 HTTP 502 Bad Gateway to sendMessage.");
    }
}
