package dev.falconet.app.settings;

import dev.falconet.rules.Priority;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What the app remembers between runs (the Telegram token is not here: it lives only in the 0600
 * Telegram settings file).
 *
 * @param theme          light or dark
 * @param language       English or Russian
 * @param lastPage       id of the page shown last
 * @param width          window width
 * @param height         window height
 * @param rulesFiles     the rules files the app loads, in order; empty means the project's rules
 * @param telegramChatId Telegram chat id, "" when not set
 * @param telegramMinPriority least severe priority sent to Telegram
 * @param telegramApiUrl the Bot API base URL
 */
public record AppSettings(Theme theme, Locale language, String lastPage, double width, double height, List<Path> rulesFiles,
                          String telegramChatId, Priority telegramMinPriority, String telegramApiUrl) {
    public static final double DEFAULT_WIDTH = 1280;
    public static final double DEFAULT_HEIGHT = 800;

    public AppSettings {
        Objects.requireNonNull(theme, "theme");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(telegramMinPriority, "telegramMinPriority");
        lastPage = lastPage == null ? "" : lastPage;
        rulesFiles = List.copyOf(rulesFiles);
        telegramChatId = telegramChatId == null ? "" : telegramChatId;
        telegramApiUrl = telegramApiUrl == null || telegramApiUrl.isBlank() ? "https://api.telegram.org" : telegramApiUrl;
        if (!(width >= 400) || !(height >= 300)) {
            width = DEFAULT_WIDTH;
            height = DEFAULT_HEIGHT;
        }
    }

    public static AppSettings defaults() {
        return new AppSettings(Theme.LIGHT, Locale.ENGLISH, "", DEFAULT_WIDTH, DEFAULT_HEIGHT, List.of(), "", Priority.WARNING, null);
    }

    public AppSettings withTheme(Theme t) {
        return new AppSettings(t, language, lastPage, width, height, rulesFiles, telegramChatId, telegramMinPriority, telegramApiUrl);
    }

    public AppSettings withLanguage(Locale l) {
        return new AppSettings(theme, l, lastPage, width, height, rulesFiles, telegramChatId, telegramMinPriority, telegramApiUrl);
    }

    public AppSettings withLastPage(String p) {
        return new AppSettings(theme, language, p, width, height, rulesFiles, telegramChatId, telegramMinPriority, telegramApiUrl);
    }

    public AppSettings withWindow(double w, double h) {
        return new AppSettings(theme, language, lastPage, w, h, rulesFiles, telegramChatId, telegramMinPriority, telegramApiUrl);
    }

    public AppSettings withRulesFiles(List<Path> files) {
        return new AppSettings(theme, language, lastPage, width, height, files, telegramChatId, telegramMinPriority, telegramApiUrl);
    }

    public AppSettings withTelegram(String chatId, Priority min, String apiUrl) {
        return new AppSettings(theme, language, lastPage, width, height, rulesFiles, chatId, min, apiUrl);
    }
}
