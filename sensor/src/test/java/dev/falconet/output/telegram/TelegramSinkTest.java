package dev.falconet.output.telegram;

import static dev.falconet.output.telegram.SinkHarness.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.falconet.output.Alert;
import dev.falconet.output.DeliveryState;
import dev.falconet.output.DeliveryStatus;
import dev.falconet.output.TestAlerts;
import dev.falconet.rules.Priority;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TelegramSinkTest {
    @TempDir
    Path dir;
    FakeBotApi api;

    @BeforeEach
    void startServer() throws Exception {
        api = new FakeBotApi();
    }

    @AfterEach
    void stopServer() {
        api.close();
    }

    @Test
    void deliversInOrderWithStatusesAndMessageIds() throws Exception {
        try (SinkHarness h = new SinkHarness(api.settings(), dir).start()) {
            for (int i = 0; i < 50; i++) h.sink.accept(TestAlerts.numbered(i));
            await(() -> api.posted().size() == 50, "50 messages");
            await(() -> h.count(DeliveryState.SENT) == 50, "50 sent statuses");
            List<FakeBotApi.Posted> posted = api.posted();
            for (int i = 0; i < 50; i++) {
                assertThat(posted.get(i).shown()).contains("alert number " + i + "\n");
                assertThat(posted.get(i).parseMode()).isEqualTo("MarkdownV2");
                assertThat(posted.get(i).chatId()).isEqualTo(FakeBotApi.CHAT);
            }
            Alert first = TestAlerts.numbered(0);
            assertThat(h.of(first.uuid())).extracting(DeliveryStatus::state)
                    .containsExactly(DeliveryState.QUEUED, DeliveryState.SENDING, DeliveryState.SENT);
            assertThat(h.of(first.uuid()).get(2).messageId()).isEqualTo(posted.getFirst().messageId());
        }
        assertThat(api.posted()).hasSize(50);
    }

    @Test
    void honoursRetryAfterAndBacksOffOnServerErrors() throws Exception {
        api.inject(new FakeBotApi.RetryAfter(30), new FakeBotApi.Status(500, "<html>oops</html>"), new FakeBotApi.Status(502, ""));
        try (SinkHarness h = new SinkHarness(api.settings(), dir).start()) {
            Alert a = TestAlerts.readSensitiveFile();
            h.sink.accept(a);
            await(() -> h.count(DeliveryState.SENT) == 1, "sent");
            List<Duration> sleeps = h.pacer.sleeps();
            assertThat(sleeps).hasSize(3);
            assertThat(sleeps.get(0)).isBetween(Duration.ofSeconds(30), Duration.ofMillis(30_250));
            assertThat(sleeps.get(1)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));   // 1st backoff: 1 s, equal jitter
            assertThat(sleeps.get(2)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));     // 2nd: 2 s
            List<DeliveryStatus> st = h.of(a.uuid());
            assertThat(st).extracting(DeliveryStatus::state).containsExactly(DeliveryState.QUEUED,
                    DeliveryState.SENDING, DeliveryState.RETRYING, DeliveryState.SENDING, DeliveryState.RETRYING,
                    DeliveryState.SENDING, DeliveryState.RETRYING, DeliveryState.SENDING, DeliveryState.SENT);
            assertThat(st.get(2).reason()).isEqualTo("rate-limited by Telegram (429), retry after 30 s");
            assertThat(st.get(2).nextAttempt()).isEqualTo(st.get(2).at().plus(sleeps.get(0)));
            assertThat(st.get(4).reason()).isEqualTo("Telegram server error (500): HTTP 500 Internal Server Error");
            assertThat(st.get(8).attempt()).isEqualTo(4);
            assertThat(api.posted()).hasSize(1);
            assertThat(api.posted().getFirst().text()).doesNotContain(TelegramSink.DUPLICATE_NOTICE.substring(0, 10));
        }
    }

    @Test
    void refusedConnectionsAreRetriedWithoutDuplicateMark() throws Exception {
        int port = api.port();
        api.close();
        TelegramSettings s = api.settings();
        try (SinkHarness h = new SinkHarness(s, dir)) {
            FakeBotApi[] revived = new FakeBotApi[1];
            h.pacer.onSleep(d -> {
                if (h.pacer.sleeps().size() == 4) {
                    try {
                        revived[0] = new FakeBotApi(port);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            h.start();
            h.sink.accept(TestAlerts.writeBelowTestDir());
            await(() -> h.count(DeliveryState.SENT) == 1, "sent after the outage");
            assertThat(h.statuses).filteredOn(x -> x.state() == DeliveryState.RETRYING).hasSize(4)
                    .allSatisfy(x -> assertThat(x.reason()).startsWith("network error: ConnectException"));
            assertThat(revived[0].posted()).hasSize(1);
            assertThat(revived[0].posted().getFirst().text()).doesNotContain("may duplicate");
            revived[0].close();
        }
    }

    @Test
    void aRepeatAfterAnUnansweredSendIsMarkedAsPossibleDuplicate() throws Exception {
        api.inject(new FakeBotApi.PostThenDrop(), new FakeBotApi.Drop());
        try (SinkHarness h = new SinkHarness(api.settings(), dir).start()) {
            h.sink.accept(TestAlerts.dropAndExecute());
            h.sink.accept(TestAlerts.writeBelowTestDir());
            await(() -> h.count(DeliveryState.SENT) == 2, "both sent");
            List<FakeBotApi.Posted> p = api.posted();
            // posted, answer lost → sent again with the notice; then the second alert
            assertThat(p).hasSize(3);
            assertThat(p.get(0).shown()).startsWith("[Falco] [Critical] Drop and execute");
            assertThat(p.get(1).shown()).startsWith(TelegramSink.DUPLICATE_NOTICE + "\n[Falco] [Critical] Drop and execute");
            assertThat(p.get(2).shown()).startsWith("[Falco] [Critical] Write below test directory");
            assertThat(h.statuses).filteredOn(x -> x.state() == DeliveryState.RETRYING).first()
                    .satisfies(x -> assertThat(x.reason()).contains("may have posted it"));
        }
    }

    @Test
    void slowAnswersTimeOutAndAreRetried() throws Exception {
        api.inject(new FakeBotApi.Slow(1500));
        try (SinkHarness h = new SinkHarness(api.settings(), dir, 1000, Duration.ofMillis(400)).start()) {
            h.sink.accept(TestAlerts.readSensitiveFile());
            await(() -> h.count(DeliveryState.SENT) == 1, "sent");
            assertThat(h.statuses).filteredOn(x -> x.state() == DeliveryState.RETRYING).first()
                    .satisfies(x -> assertThat(x.reason()).startsWith("no answer in time"));
        }
    }

    @Test
    void badTokenKeepsAlertsQueuedAndNeverShowsTheToken() throws Exception {
        String badToken = "987654321:AAWrongTokenWrongTokenWrongToken123";
        TelegramSettings s = new TelegramSettings(badToken, FakeBotApi.CHAT, Priority.DEBUG, null, api.url(), 0);
        try (SinkHarness h = new SinkHarness(s, dir).start()) {
            h.sink.accept(TestAlerts.readSensitiveFile());
            await(() -> h.count(DeliveryState.RETRYING) >= 3, "retries");
            assertThat(h.sink.pending()).isEqualTo(1);
            assertThat(h.count(DeliveryState.FAILED)).isZero();
            assertThat(h.statuses).filteredOn(x -> x.state() == DeliveryState.RETRYING).first()
                    .satisfies(x -> assertThat(x.reason()).startsWith("Telegram refused the bot token (401 Unauthorized)"));
            assertThat(h.statuses).allSatisfy(x -> {
                assertThat(x.toJson()).doesNotContain(badToken).doesNotContain("AAWrongToken");
                assertThat(x.toText()).doesNotContain("AAWrongToken");
            });
        }
    }

    @Test
    void unknownChatKeepsAlertsQueued() throws Exception {
        TelegramSettings s = new TelegramSettings(FakeBotApi.TOKEN, "-100999", Priority.DEBUG, null, api.url(), 0);
        try (SinkHarness h = new SinkHarness(s, dir).start()) {
            h.sink.accept(TestAlerts.readSensitiveFile());
            await(() -> h.count(DeliveryState.RETRYING) >= 2, "retries");
            assertThat(h.statuses).filteredOn(x -> x.state() == DeliveryState.RETRYING).first()
                    .satisfies(x -> assertThat(x.reason()).contains("chat -100999").contains("chat not found"));
        }
    }

    @Test
    void aMessageTelegramCannotParseIsResentAsPlainText() throws Exception {
        api.inject(new FakeBotApi.Status(400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: can't parse entities: x\"}"));
        try (SinkHarness h = new SinkHarness(api.settings(), dir).start()) {
            h.sink.accept(TestAlerts.hostile(20));
            await(() -> h.count(DeliveryState.SENT) == 1, "sent");
            assertThat(api.posted().getFirst().parseMode()).isNull();
            assertThat(api.posted().getFirst().text()).startsWith("[Falco] [Error] Hostile [rule] *name*");
        }
    }

    @Test
    void aMessageRefusedForGoodFailsAndTheNextOneGoes() throws Exception {
        api.inject(new FakeBotApi.Status(400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: message is too long\"}"));
        try (SinkHarness h = new SinkHarness(api.settings(), dir).start()) {
            h.sink.accept(TestAlerts.numbered(1));
            h.sink.accept(TestAlerts.numbered(2));
            await(() -> h.count(DeliveryState.SENT) == 1, "second sent");
            assertThat(h.of(TestAlerts.numbered(1).uuid()).getLast()).satisfies(x -> {
                assertThat(x.state()).isEqualTo(DeliveryState.FAILED);
                assertThat(x.reason()).isEqualTo("Telegram refused this message (400 Bad Request: message is too long)");
            });
            assertThat(h.sink.pending()).isZero();
        }
    }

    @Test
    void minimumPriorityAndThreadIdAreApplied() throws Exception {
        TelegramSettings s = new TelegramSettings(FakeBotApi.TOKEN, FakeBotApi.CHAT, Priority.CRITICAL, 42, api.url(), 0);
        try (SinkHarness h = new SinkHarness(s, dir).start()) {
            h.sink.accept(TestAlerts.readSensitiveFile()); // Warning: below Critical
            h.sink.accept(TestAlerts.writeBelowTestDir()); // Critical
            await(() -> h.count(DeliveryState.SENT) == 1, "sent");
            assertThat(api.posted()).singleElement().satisfies(p -> {
                assertThat(p.threadId()).isEqualTo(42);
                assertThat(p.shown()).contains("Write below test directory");
            });
            assertThat(h.of(TestAlerts.readSensitiveFile().uuid())).isEmpty();
        }
    }

    @Test
    void perChatRateLimitSpacesMessages() throws Exception {
        TelegramSettings s = new TelegramSettings(FakeBotApi.TOKEN, FakeBotApi.CHAT, Priority.DEBUG, null, api.url(), 20);
        try (SinkHarness h = new SinkHarness(s, dir).start()) {
            for (int i = 0; i < 5; i++) h.sink.accept(TestAlerts.numbered(i));
            await(() -> h.count(DeliveryState.SENT) == 5, "sent");
            // 20 a minute: 3 s between sends, measured on the pacer's clock
            List<DeliveryStatus> sending = h.statuses.stream().filter(x -> x.state() == DeliveryState.SENDING).toList();
            for (int i = 1; i < sending.size(); i++) {
                assertThat(Duration.between(sending.get(i - 1).at(), sending.get(i).at())).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
            }
        }
    }

    @Test
    void aFullSpoolRefusesNewAlertsVisibly() throws Exception {
        try (SinkHarness h = new SinkHarness(api.settings(), dir, 3, Duration.ofSeconds(5))) {
            for (int i = 0; i < 5; i++) h.sink.accept(TestAlerts.numbered(i));
            assertThat(h.count(DeliveryState.QUEUED)).isEqualTo(3);
            assertThat(h.of(TestAlerts.numbered(4).uuid())).singleElement().satisfies(x -> {
                assertThat(x.state()).isEqualTo(DeliveryState.FAILED);
                assertThat(x.reason()).startsWith("spool full");
            });
            assertThat(h.sink.dropped()).isEqualTo(2);
            h.start();
            await(() -> h.count(DeliveryState.SENT) == 3, "the three queued ones sent");
        }
    }

    @Test
    void survivesACrashAndDeliversEveryAlertOnceInOrder() throws Exception {
        int n = 200;
        try (FakeBotApi ignored = api) {
            SinkHarness first = new SinkHarness(api.settings(), dir).start();
            for (int i = 0; i < n; i++) first.sink.accept(TestAlerts.numbered(i));
            await(() -> first.count(DeliveryState.SENT) >= 60, "some sent before the crash");
            first.crash();
            int sentBefore = (int) first.count(DeliveryState.SENT);
            assertThat(sentBefore).isLessThan(n);

            try (SinkHarness second = new SinkHarness(api.settings(), dir).start()) {
                assertThat(second.sink.pending()).isBetween((long) n - api.posted().size() - 1, (long) n - sentBefore);
                await(() -> second.sink.pending() == 0, "the rest delivered");
            }
            // every alert posted, in order; the only repeat allowed is the one in flight at the crash, marked as such
            List<FakeBotApi.Posted> posted = api.posted();
            Map<Integer, Integer> times = new HashMap<>();
            int last = -1;
            for (FakeBotApi.Posted p : posted) {
                int num = Integer.parseInt(p.shown().replaceAll("(?s).*alert number (\\d+)\n.*", "$1"));
                int seen = times.merge(num, 1, Integer::sum);
                if (seen > 1) assertThat(p.shown()).startsWith(TelegramSink.DUPLICATE_NOTICE);
                assertThat(num).isGreaterThanOrEqualTo(last);
                last = num;
            }
            assertThat(times).hasSize(n);
            assertThat(posted.size() - n).isLessThanOrEqualTo(1);
        }
    }
}
