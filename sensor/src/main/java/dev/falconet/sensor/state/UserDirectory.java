package dev.falconet.sensor.state;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * User and group names as a process sees them: read from {@code /etc/passwd} and
 * {@code /etc/group} inside the process's own root ({@code /proc/PID/root}), so a container's
 * users resolve against the container's files. Cached per root (the container id, or the host).
 */
public final class UserDirectory {
    private static final long RELOAD_NANOS = 5_000_000_000L;

    private record Names(Map<Long, String> users, Map<Long, String> groups, long loadedAt) {}

    private final Path procRoot;
    private final Map<String, Names> byRoot = new HashMap<>();

    public UserDirectory(Path procRoot) {
        this.procRoot = procRoot;
    }

    /** The user name of uid for a process (pid) in this root (container id or "host"); null when unknown. */
    public String user(String rootKey, long pid, long uid) {
        if (uid < 0) return null;
        return lookup(rootKey, pid, uid, true);
    }

    public String group(String rootKey, long pid, long gid) {
        if (gid < 0) return null;
        return lookup(rootKey, pid, gid, false);
    }

    private String lookup(String rootKey, long pid, long id, boolean user) {
        Names n = byRoot.get(rootKey);
        long now = System.nanoTime();
        String name = n == null ? null : (user ? n.users : n.groups).get(id);
        if (name != null) return name;
        // unknown (new user, or not loaded yet): reload, at most every few seconds per root
        if (n == null || now - n.loadedAt > RELOAD_NANOS) {
            Names loaded = load(pid, now);
            if (loaded != null) {
                byRoot.put(rootKey, loaded);
                n = loaded;
            }
        }
        if (n == null) return null;
        name = (user ? n.users : n.groups).get(id);
        if (name == null && id == 0) return "root";
        return name;
    }

    private Names load(long pid, long now) {
        Path root = procRoot.resolve(Long.toString(pid)).resolve("root");
        Map<Long, String> users = parse(root.resolve("etc/passwd"));
        Map<Long, String> groups = parse(root.resolve("etc/group"));
        if (users == null && groups == null) return null;
        return new Names(users == null ? Map.of() : users, groups == null ? Map.of() : groups, now);
    }

    /** name:x:id:... lines; null when the file cannot be read. */
    static Map<Long, String> parse(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        Map<Long, String> out = new HashMap<>();
        for (String l : lines) {
            String[] f = l.split(":", -1);
            if (f.length < 3 || l.startsWith("#")) continue;
            try {
                out.putIfAbsent(Long.parseLong(f[2]), f[0]);
            } catch (NumberFormatException ignored) {
                // a malformed line: skipped, as getpwuid would
            }
        }
        return out;
    }
}
