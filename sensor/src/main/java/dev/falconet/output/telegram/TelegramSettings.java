package dev.falconet.output.telegram;

import dev.falconet.rules.Priority;
import java.net.URI;
import java.util.Objects;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * Where and how alerts go to Telegram. {@link #toString()} never shows the token.
 *
 * @param token         the bot token (a secret)
 * @param chatId        the target chat id ({@code -100...} for groups) or {@code @channel}
 * @param minPriority   the least severe priority that is sent
 * @param threadId      forum topic id, or null
 * @param apiUrl        the Bot API base URL ({@code https://api.telegram.org} or a local Bot API server)
 * @param perMinute     messages per minute to this chat at most; 0 means no limit
 */
public record TelegramSettings(String token, String chatId, Priority minPriority, Integer threadId, URI apiUrl, int perMinute) {
    /** The public Bot API. */
    public static final URI DEFAULT_API = URI.create("https://api.telegram.org");

    public TelegramSettings {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(chatId, "chatId");
        Objects.requireNonNull(minPriority, "minPriority");
        Objects.requireNonNull(apiUrl, "apiUrl");
        if (perMinute < 0) throw new IllegalArgumentException("perMinute < 0");
    }

    /**
     * Telegram's advice per chat: about one message a second in a private chat, 20 a minute in a group
     * (group and channel ids are negative).
     */
    public static int defaultPerMinute(String chatId) {
        return chatId.startsWith("-") || chatId.startsWith("@") ? 20 : 60;
    }

    /** The API URL in the client's form. */
    public TelegramUrl telegramUrl() {
        String scheme = apiUrl.getScheme();
        int port = apiUrl.getPort() > 0 ? apiUrl.getPort() : "http".equals(scheme) ? 80 : 443;
        return TelegramUrl.builder().schema(scheme).host(apiUrl.getHost()).port(port).build();
    }

    /** The token replaced by a fixed mask, for display. */
    public String maskedToken() {
        return Redactor.mask(token);
    }

    @Override
    public String toString() {
        return "TelegramSettings[token=" + maskedToken() + ", chatId=" + chatId + ", minPriority=" + minPriority.display()
                + ", threadId=" + threadId + ", apiUrl=" + apiUrl + ", perMinute=" + perMinute + "]";
    }
}
