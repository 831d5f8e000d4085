package dev.falconet.output.telegram;

import dev.falconet.output.Alert;
import dev.falconet.output.AlertFormats;
import dev.falconet.rules.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.telegram.telegrambots.meta.api.objects.User;

/**
 * {@code telegram test}: checks the token ({@code getMe}) and the chat ({@code sendMessage} of a test alert)
 * and says precisely what is wrong: a bad token (401), an unknown chat (400), a kicked bot (403), the
 * network, TLS, a timeout, or a server that is not the Bot API. Never prints the token.
 */
public final class TelegramCheck {
    private TelegramCheck() {
    }

    /** The outcome: ok or not, and one line per step. */
    public record Report(boolean ok, List<String> lines) {
    }

    /** Runs the check with connect/read timeouts of {@code timeout}. */
    public static Report run(TelegramSettings s, Duration timeout) {
        List<String> lines = new ArrayList<>();
        lines.add("settings: " + s);
        try (BotApiClient client = new BotApiClient(s, timeout, timeout)) {
            BotApiClient.Result<User> me = client.getMe();
            if (me.failure() != null) {
                lines.add(explain(me.failure(), s, "getMe"));
                return new Report(false, lines);
            }
            User u = me.value();
            lines.add("token ok: bot " + (u.getUserName() == null ? u.getFirstName() : "@" + u.getUserName()) + " (id " + u.getId() + ")");
            SendOutcome sent = client.send(TelegramFormat.render(testAlert()).text(), true);
            if (sent instanceof SendOutcome.Sent ok) {
                lines.add("chat ok: test message " + ok.messageId() + " posted to chat " + s.chatId()
                        + (s.threadId() == null ? "" : " topic " + s.threadId()));
                return new Report(true, lines);
            }
            lines.add(explain(sent, s, "sendMessage"));
            return new Report(false, lines);
        }
    }

    /** The alert the test posts, like falcosidekick's /test: rule "Test rule", priority Debug. */
    static Alert testAlert() {
        long now = AlertFormats.epochNanos(Instant.now());
        String message = "This is a test from Falconet";
        return new Alert(now, "Test rule", Priority.DEBUG, "internal", List.of("test"), hostname(),
                AlertFormats.outputLine(now, Priority.DEBUG, message), message, Map.of("proc.name", "falconet"), UUID.randomUUID().toString());
    }

    private static String explain(SendOutcome o, TelegramSettings s, String call) {
        String api = s.apiUrl().toString();
        String text = switch (o) {
            case SendOutcome.Rejected r when r.tokenProblem() -> "bad token: Telegram answered " + r.code() + " " + r.description() + " to " + call
                    + ". The token is wrong or was revoked: copy it again from @BotFather (/mybots → API Token); it looks like 123456789:AA...";
            case SendOutcome.Rejected r when r.code() == 403 -> "forbidden: Telegram answered 403 " + r.description()
                    + ". The bot was removed from chat " + s.chatId() + " or blocked: add it to the chat again (or press Start in a private chat).";
            case SendOutcome.Rejected r when r.code() == 400 && r.description().toLowerCase().contains("thread") ->
                    "topic not found: Telegram answered 400 " + r.description() + ". Topic " + s.threadId() + " does not exist in chat "
                    + s.chatId() + ": check --telegram-thread-id, or leave it out.";
            case SendOutcome.Rejected r when r.chatProblem() -> "chat not found: Telegram answered 400 " + r.description() + ". Chat "
                    + s.chatId() + " is wrong or the bot is not a member: add the bot to the group, send a message there, then read the id "
                    + "from " + api + "/bot<token>/getUpdates (group ids start with -100).";
            case SendOutcome.Rejected r when r.code() == 429 -> "rate-limited: Telegram answered 429, retry after "
                    + (r.retryAfter() == null ? "a while" : r.retryAfter() + " s") + ".";
            case SendOutcome.Rejected r -> "refused: Telegram answered " + r.code() + " " + r.description() + " to " + call + ".";
            case SendOutcome.NoAnswer n when n.kind() == SendOutcome.Kind.TLS -> "TLS: the secure connection to " + s.apiUrl().getHost()
                    + " failed (" + n.detail() + "). A proxy or antivirus intercepting HTTPS, a wrong system clock, or a plain http:// "
                    + "server given as https:// causes this.";
            case SendOutcome.NoAnswer n when n.kind() == SendOutcome.Kind.TIMEOUT -> "timeout: " + api + " did not answer in time ("
                    + n.detail() + "). The network or a firewall may be dropping the traffic.";
            case SendOutcome.NoAnswer n when n.kind() == SendOutcome.Kind.BAD_ANSWER -> "not the Bot API: " + api
                    + " answered something that is not the Bot API's JSON (" + n.detail() + "); check --telegram-api-url.";
            case SendOutcome.NoAnswer n -> "network: cannot reach " + api + " (" + n.detail()
                    + "). Check the connection, DNS and proxy settings.";
            case SendOutcome.Sent x -> "ok";
        };
        return Redactor.redact(text, s.token());
    }

    private static String hostname() {
        return dev.falconet.fields.Hostname.get();
    }
}
