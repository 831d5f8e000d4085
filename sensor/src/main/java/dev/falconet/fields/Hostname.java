package dev.falconet.fields;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code evt.hostname}: FALCO_HOSTNAME when set (as in Falco's Helm chart), otherwise the machine's name. */
public final class Hostname {
    private Hostname() {}

    private static volatile String cached;

    /** The host name alerts and {@code evt.hostname} carry (read once). */
    public static String get() {
        String h = cached;
        if (h == null) {
            h = System.getenv("FALCO_HOSTNAME");
            if (h == null || h.isBlank()) h = lookup();
            cached = h;
        }
        return h;
    }

    private static String lookup() {
        // the kernel's name, as gethostname(2) gives it; no resolver lookup
        try {
            String k = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
            if (!k.isEmpty()) return k;
        } catch (IOException | RuntimeException e) {
            // not Linux or no /proc: fall back to the environment
        }
        String env = System.getenv("HOSTNAME");
        return env == null || env.isBlank() ? "localhost" : env;
    }
}
