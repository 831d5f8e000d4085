package dev.falconet.output.telegram;

import dev.falconet.output.OutputConfigException;
import dev.falconet.rules.Priority;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Merges the Telegram settings from the command line, the environment ({@code FALCONET_TELEGRAM_*}), a
 * Helm values file and a saved settings file, in that order of precedence. Telegram is on when a token and a chat id are both set.
 */
public final class TelegramSettingsResolver {
    /** Command-line values; null when not given. */
    public record Cli(String token, String chatId, String minPriority, String threadId, String apiUrl, Integer perMinute, Path values,
                      Path settingsFile) {
    }

    private TelegramSettingsResolver() {
    }

    /**
     * The settings, or empty when neither a token nor a chat id is set anywhere.
     *
     * @throws OutputConfigException when only one of token/chat id is set, or a value is malformed
     */
    public static Optional<TelegramSettings> resolve(Cli cli, Map<String, String> env) {
        Path valuesFile = cli.values() != null ? cli.values() : pathOrNull(env.get("FALCONET_TELEGRAM_VALUES"));
        Map<String, String> values = new java.util.HashMap<>();
        Path settingsFile = cli.settingsFile() != null ? cli.settingsFile() : pathOrNull(env.get("FALCONET_TELEGRAM_SETTINGS"));
        if (settingsFile != null) values.putAll(TelegramSettingsStore.load(settingsFile));
        if (valuesFile != null) values.putAll(HelmValues.telegram(valuesFile));
        String token = first(cli.token(), env.get("FALCONET_TELEGRAM_TOKEN"), values.get("token"));
        String chatId = first(cli.chatId(), env.get("FALCONET_TELEGRAM_CHAT_ID"), values.get("chatid"));
        if (token == null && chatId == null) return Optional.empty();
        if (token == null) {
            throw new OutputConfigException("Telegram: a chat id is set but no bot token: give --telegram-token, "
                    + "FALCONET_TELEGRAM_TOKEN or falcosidekick.config.telegram.token in --values");
        }
        if (chatId == null) {
            throw new OutputConfigException("Telegram: a bot token is set but no chat id: give --telegram-chat-id, "
                    + "FALCONET_TELEGRAM_CHAT_ID or falcosidekick.config.telegram.chatid in --values");
        }
        if (!chatId.matches("-?\\d+|@[A-Za-z0-9_]{5,}")) {
            throw new OutputConfigException("Telegram: chat id '" + chatId + "' is neither a number (e.g. -1001234567890) nor @channelname");
        }
        String prio = first(cli.minPriority(), env.get("FALCONET_TELEGRAM_MIN_PRIORITY"), values.get("minimumpriority"));
        Priority minPriority = prio == null ? Priority.DEBUG : Priority.parse(prio).orElseThrow(() -> new OutputConfigException(
                "Telegram: minimum priority '" + prio + "' is not one of emergency, alert, critical, error, warning, notice, informational, debug"));
        String thread = first(cli.threadId(), env.get("FALCONET_TELEGRAM_THREAD_ID"), values.get("messagethreadid"));
        Integer threadId = null;
        if (thread != null) {
            try {
                threadId = Integer.valueOf(thread.trim());
            } catch (NumberFormatException e) {
                throw new OutputConfigException("Telegram: message thread id '" + thread + "' is not a number");
            }
        }
        String api = first(cli.apiUrl(), env.get("FALCONET_TELEGRAM_API_URL"), values.get("host"));
        URI apiUrl = api == null ? TelegramSettings.DEFAULT_API : apiUrl(api);
        Integer perMinute = cli.perMinute();
        if (perMinute == null) {
            String r = env.getOrDefault("FALCONET_TELEGRAM_RATE", values.get("rate"));
            if (r != null && !r.isBlank()) {
                try {
                    perMinute = Integer.valueOf(r.trim());
                } catch (NumberFormatException e) {
                    throw new OutputConfigException("FALCONET_TELEGRAM_RATE '" + r + "' is not a number of messages per minute");
                }
            }
        }
        if (perMinute == null) perMinute = TelegramSettings.defaultPerMinute(chatId);
        if (perMinute < 0) throw new OutputConfigException("Telegram: rate must be 0 (no limit) or a number of messages per minute");
        return Optional.of(new TelegramSettings(token, chatId, minPriority, threadId, apiUrl, perMinute));
    }

    private static URI apiUrl(String text) {
        try {
            URI u = new URI(text.trim());
            if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme()) || u.getHost() == null) {
                throw new OutputConfigException("Telegram API URL '" + text + "' must look like https://api.telegram.org or http://127.0.0.1:8081");
            }
            if (u.getPath() != null && !u.getPath().isEmpty() && !u.getPath().equals("/")) {
                throw new OutputConfigException("Telegram API URL '" + text + "' must not have a path (the client adds /bot<token>/<method>)");
            }
            return u;
        } catch (URISyntaxException e) {
            throw new OutputConfigException("Telegram API URL '" + text + "' is not a URL: " + e.getReason());
        }
    }

    private static String first(String... candidates) {
        for (String c : candidates) if (c != null && !c.isBlank()) return c.trim();
        return null;
    }

    private static Path pathOrNull(String s) {
        return s == null || s.isBlank() ? null : Path.of(s);
    }
}
