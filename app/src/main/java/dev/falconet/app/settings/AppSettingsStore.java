package dev.falconet.app.settings;

import dev.falconet.app.i18n.Messages;
import dev.falconet.rules.Priority;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Reads and writes {@link AppSettings} as a properties file ({@code app.properties} in Falconet's
 * config directory). A missing or unreadable file gives the defaults: settings never stop the app.
 */
public final class AppSettingsStore {
    /** Overrides the config directory (tests, portable installs). */
    public static final String CONFIG_DIR_PROPERTY = "falconet.config.dir";

    private final Path file;

    public AppSettingsStore(Path file) {
        this.file = file;
    }

    /** {@code -Dfalconet.config.dir}, else {@code $XDG_CONFIG_HOME/falconet}, else {@code ~/.config/falconet}. */
    public static Path configDir(Map<String, String> env) {
        String override = System.getProperty(CONFIG_DIR_PROPERTY);
        if (override != null && !override.isBlank()) return Path.of(override);
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("falconet");
    }

    public Path file() {
        return file;
    }

    public AppSettings load() {
        if (!Files.isRegularFile(file)) return AppSettings.defaults();
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            return AppSettings.defaults();
        }
        List<Path> rules = new ArrayList<>();
        for (String s : p.getProperty("rules_files", "").split("\n")) if (!s.isBlank()) rules.add(Path.of(s.strip()));
        return new AppSettings(Theme.parse(p.getProperty("theme")), Messages.language(p.getProperty("language")),
                p.getProperty("last_page"), number(p.getProperty("width")), number(p.getProperty("height")), rules,
                p.getProperty("telegram_chat_id"),
                Priority.parse(p.getProperty("telegram_min_priority")).orElse(Priority.WARNING), p.getProperty("telegram_api_url"));
    }

    /** Writes atomically; the directory is created when missing. */
    public void save(AppSettings s) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Properties p = new Properties();
        p.setProperty("theme", s.theme().name().toLowerCase());
        p.setProperty("language", s.language().toLanguageTag());
        p.setProperty("last_page", s.lastPage());
        p.setProperty("width", Long.toString(Math.round(s.width())));
        p.setProperty("height", Long.toString(Math.round(s.height())));
        p.setProperty("rules_files", String.join("\n", s.rulesFiles().stream().map(Path::toString).toList()));
        p.setProperty("telegram_chat_id", s.telegramChatId());
        p.setProperty("telegram_min_priority", s.telegramMinPriority().display().toLowerCase());
        p.setProperty("telegram_api_url", s.telegramApiUrl());
        Path tmp = dir.resolve(file.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "Falconet app settings");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static double number(String s) {
        try {
            return s == null ? 0 : Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
