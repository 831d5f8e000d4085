package dev.falconet.app.ui.settings;

import dev.falconet.app.i18n.Msg;
import dev.falconet.app.ui.UiThreads;
import dev.falconet.app.ui.shell.ShellViewModel;
import dev.falconet.output.OutputConfigException;
import dev.falconet.output.telegram.TelegramCheck;
import dev.falconet.output.telegram.TelegramSettings;
import dev.falconet.output.telegram.TelegramSettingsStore;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Settings page: Telegram (token, chat, minimum priority, Send test through the real client),
 * and the rules files the app loads. Theme and language are the shell's properties, changed live.
 */
public final class SettingsViewModel {
    static final Duration TEST_TIMEOUT = Duration.ofSeconds(10);

    private final UiThreads threads;
    private final ShellViewModel shell;
    private final Path telegramFile;
    private final Consumer<List<Path>> reloadRules;
    private final StringProperty token = new SimpleStringProperty("");
    private final ObservableList<String> testReport = FXCollections.observableArrayList();
    private final ObjectProperty<Msg> telegramMessage = new SimpleObjectProperty<>();
    private final BooleanProperty testing = new SimpleBooleanProperty();
    private final ObjectProperty<Msg> rulesMessage = new SimpleObjectProperty<>();
    private Consumer<TelegramSettings> onTelegramSaved = s -> {};

    /**
     * @param telegramFile the 0600 Telegram settings file (the only place the token is written)
     * @param reloadRules  loads the given rules files into the session
     */
    public SettingsViewModel(UiThreads threads, ShellViewModel shell, Path telegramFile, Consumer<List<Path>> reloadRules) {
        this.threads = threads;
        this.shell = shell;
        this.telegramFile = telegramFile;
        this.reloadRules = reloadRules;
        if (Files.isRegularFile(telegramFile)) {
            try {
                Map<String, String> m = TelegramSettingsStore.load(telegramFile);
                token.set(m.getOrDefault("token", ""));
                if (shell.telegramChatIdProperty().get().isEmpty()) shell.telegramChatIdProperty().set(m.getOrDefault("chatid", ""));
            } catch (OutputConfigException e) {
                telegramMessage.set(Msg.of("settings.telegram.loadfailed", e.getMessage()));
            }
        }
    }

    /** Called with the settings each time Telegram is saved (the app then sends its alerts there). */
    public void onTelegramSaved(Consumer<TelegramSettings> listener) {
        this.onTelegramSaved = listener;
    }

    /**
     * The Telegram settings saved earlier (token file plus the chat id and minimum priority of the app's
     * settings), or null when Telegram is not set up or the file cannot be read.
     */
    public static TelegramSettings savedTelegram(ShellViewModel shell, Path telegramFile) {
        if (!Files.isRegularFile(telegramFile)) return null;
        try {
            Map<String, String> m = TelegramSettingsStore.load(telegramFile);
            String token = m.getOrDefault("token", "").strip();
            String chat = shell.telegramChatIdProperty().get().isBlank() ? m.getOrDefault("chatid", "").strip() : shell.telegramChatIdProperty().get().strip();
            if (token.isEmpty() || chat.isEmpty()) return null;
            String u = shell.telegramApiUrlProperty().get().strip();
            URI api = u.isEmpty() ? TelegramSettings.DEFAULT_API : URI.create(u);
            return new TelegramSettings(token, chat, shell.telegramMinPriorityProperty().get(), null, api, TelegramSettings.defaultPerMinute(chat));
        } catch (OutputConfigException | IllegalArgumentException e) {
            return null;
        }
    }

    public ShellViewModel shell() {
        return shell;
    }

    public StringProperty tokenProperty() {
        return token;
    }

    public ObservableList<String> testReport() {
        return testReport;
    }

    public ReadOnlyObjectProperty<Msg> telegramMessageProperty() {
        return telegramMessage;
    }

    public ReadOnlyBooleanProperty testingProperty() {
        return testing;
    }

    public ReadOnlyObjectProperty<Msg> rulesMessageProperty() {
        return rulesMessage;
    }

    /** The Telegram settings as entered, or null with the problem shown. */
    TelegramSettings telegramSettings() {
        String t = token.get() == null ? "" : token.get().strip();
        String chat = shell.telegramChatIdProperty().get().strip();
        if (t.isEmpty()) {
            telegramMessage.set(Msg.of("settings.telegram.notoken"));
            return null;
        }
        if (chat.isEmpty()) {
            telegramMessage.set(Msg.of("settings.telegram.nochat"));
            return null;
        }
        URI api;
        try {
            String u = shell.telegramApiUrlProperty().get().strip();
            api = URI.create(u.isEmpty() ? TelegramSettings.DEFAULT_API.toString() : u);
            if (api.getHost() == null || !(api.getScheme().equals("http") || api.getScheme().equals("https"))) throw new IllegalArgumentException();
        } catch (IllegalArgumentException | NullPointerException e) {
            telegramMessage.set(Msg.of("settings.telegram.badurl", shell.telegramApiUrlProperty().get()));
            return null;
        }
        return new TelegramSettings(t, chat, shell.telegramMinPriorityProperty().get(), null, api, TelegramSettings.defaultPerMinute(chat));
    }

    /** Saves the Telegram settings: the token to its 0600 file, the rest with the app's settings. */
    public void saveTelegram() {
        TelegramSettings s = telegramSettings();
        if (s == null) return;
        try {
            TelegramSettingsStore.save(s, telegramFile);
            shell.save();
            telegramMessage.set(Msg.of("settings.telegram.saved", telegramFile.toString()));
            onTelegramSaved.accept(s);
        } catch (IOException | RuntimeException e) {
            telegramMessage.set(Msg.of("settings.telegram.savefailed", telegramFile.toString(), String.valueOf(e.getMessage())));
        }
    }

    /** Sends a test message with the real Telegram client (getMe, then sendMessage), off the FX thread. */
    public void sendTest() {
        TelegramSettings s = telegramSettings();
        if (s == null || testing.get()) return;
        testing.set(true);
        testReport.clear();
        telegramMessage.set(Msg.of("settings.telegram.testing"));
        threads.background().execute(() -> {
            TelegramCheck.Report r;
            try {
                r = TelegramCheck.run(s, TEST_TIMEOUT);
            } catch (RuntimeException e) {
                r = new TelegramCheck.Report(false, List.of(String.valueOf(e.getMessage())));
            }
            TelegramCheck.Report done = r;
            threads.ui().execute(() -> {
                testing.set(false);
                testReport.setAll(done.lines());
                telegramMessage.set(Msg.of(done.ok() ? "settings.telegram.test.ok" : "settings.telegram.test.failed"));
            });
        });
    }

    public void addRulesFile(Path p) {
        if (!shell.rulesFiles().contains(p)) shell.rulesFiles().add(p);
    }

    public void removeRulesFile(Path p) {
        shell.rulesFiles().remove(p);
    }

    /** Loads the listed rules files (the project's rules when the list is empty). */
    public void applyRules() {
        reloadRules.accept(List.copyOf(shell.rulesFiles()));
        rulesMessage.set(shell.rulesFiles().isEmpty() ? Msg.of("settings.rules.applied.project")
                : Msg.of("settings.rules.applied", shell.rulesFiles().size()));
    }
}
