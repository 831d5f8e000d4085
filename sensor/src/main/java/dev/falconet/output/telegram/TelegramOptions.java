package dev.falconet.output.telegram;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The Telegram settings on the command line (a picocli mixin, part of the output options and of
 * {@code telegram test}). Each has an environment variable; a Helm values file fills what is still missing.
 */
public final class TelegramOptions {
    @Option(names = "--telegram-token", paramLabel = "TOKEN",
            description = "Bot token from @BotFather (env FALCONET_TELEGRAM_TOKEN; prefer the variable: arguments are visible to other users in ps).")
    String token;

    @Option(names = "--telegram-chat-id", paramLabel = "ID", description = "Chat to post to: -100... for groups, @name for channels (env FALCONET_TELEGRAM_CHAT_ID).")
    String chatId;

    @Option(names = "--telegram-min-priority", paramLabel = "PRIORITY",
            description = "Least severe priority sent to Telegram, e.g. warning (env FALCONET_TELEGRAM_MIN_PRIORITY; default: all).")
    String minPriority;

    @Option(names = "--telegram-thread-id", paramLabel = "ID", description = "Forum topic (message thread) id (env FALCONET_TELEGRAM_THREAD_ID).")
    String threadId;

    @Option(names = "--telegram-api-url", paramLabel = "URL",
            description = "Bot API server (env FALCONET_TELEGRAM_API_URL; default https://api.telegram.org).")
    String apiUrl;

    @Option(names = "--telegram-rate", paramLabel = "PER_MINUTE",
            description = "Messages per minute to the chat at most; 0 = no limit (env FALCONET_TELEGRAM_RATE; default 20 for groups and channels, 60 otherwise).")
    Integer perMinute;

    @Option(names = "--values", paramLabel = "FILE",
            description = "Helm values file (like the lab's custom-values.yaml): reads falcosidekick.config.telegram.{token,chatid,minimumpriority,messagethreadid} "
                    + "(env FALCONET_TELEGRAM_VALUES).")
    Path values;

    @Option(names = "--telegram-settings", paramLabel = "FILE",
            description = "Settings file saved by 'telegram test --save' (mode 0600; env FALCONET_TELEGRAM_SETTINGS); lowest precedence.")
    Path settingsFile;

    /** The resolved settings, or empty when Telegram is not configured. */
    public Optional<TelegramSettings> resolve(Map<String, String> env) {
        return TelegramSettingsResolver.resolve(new TelegramSettingsResolver.Cli(token, chatId, minPriority, threadId, apiUrl, perMinute, values, settingsFile), env);
    }
}
