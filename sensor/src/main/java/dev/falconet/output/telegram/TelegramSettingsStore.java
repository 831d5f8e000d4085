package dev.falconet.output.telegram;

import dev.falconet.output.OutputConfigException;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * A settings file holding the Telegram settings, token included: created with mode 0600 (in a 0700
 * directory), written atomically, and refused when others can read it. The only file Falconet ever writes the
 * token to.
 */
public final class TelegramSettingsStore {
    private TelegramSettingsStore() {
    }

    /** {@code $XDG_CONFIG_HOME/falconet/telegram.properties} (or {@code ~/.config/...}). */
    public static Path defaultPath(Map<String, String> env) {
        String c = env.get("XDG_CONFIG_HOME");
        Path base = c != null && !c.isBlank() ? Path.of(c) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("falconet").resolve("telegram.properties");
    }

    /** Writes {@code s} to {@code file} with mode 0600. */
    public static void save(TelegramSettings s, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (!Files.exists(dir)) {
            if (posix) Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            else Files.createDirectories(dir);
        }
        Properties p = new Properties();
        p.setProperty("token", s.token());
        p.setProperty("chat_id", s.chatId());
        p.setProperty("min_priority", s.minPriority().display().toLowerCase());
        if (s.threadId() != null) p.setProperty("thread_id", s.threadId().toString());
        p.setProperty("api_url", s.apiUrl().toString());
        p.setProperty("rate", Integer.toString(s.perMinute()));
        Path tmp = dir.resolve(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        if (posix) Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            p.store(w, "Falconet Telegram settings (contains the bot token: keep this file private)");
        }
        try (var ch = java.nio.channels.FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Reads a settings file as resolver input (keys as in a Helm values file: token, chatid, minimumpriority,
     * messagethreadid, host, rate).
     *
     * @throws OutputConfigException when it cannot be read or others may read it
     */
    public static Map<String, String> load(Path file) {
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
                if (perms.stream().anyMatch(x -> x.name().startsWith("GROUP") || x.name().startsWith("OTHERS"))) {
                    throw new OutputConfigException("--telegram-settings " + file + ": others can read this file, which holds the bot token; "
                            + "run: chmod 600 " + file);
                }
            }
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            Map<String, String> m = new HashMap<>();
            put(m, "token", p.getProperty("token"));
            put(m, "chatid", p.getProperty("chat_id"));
            put(m, "minimumpriority", p.getProperty("min_priority"));
            put(m, "messagethreadid", p.getProperty("thread_id"));
            put(m, "host", p.getProperty("api_url"));
            put(m, "rate", p.getProperty("rate"));
            return m;
        } catch (IOException e) {
            throw new OutputConfigException("--telegram-settings " + file + ": cannot read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
    }

    private static void put(Map<String, String> m, String k, String v) {
        if (v != null && !v.isBlank()) m.put(k, v.trim());
    }
}
