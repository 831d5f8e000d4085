package dev.falconet.scenario.podman;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Host programs and the shared libraries they load (from {@code ldd}), to copy into a container. */
final class HostBinaries {
    private static final Pattern LIB = Pattern.compile("(?:=>\\s*)?(/\\S+)\\s+\\(0x[0-9a-f]+\\)");

    private HostBinaries() {}

    /** The program's path on this machine's PATH (plus the sbin directories), or empty. */
    static Optional<Path> find(String name) {
        if (name.contains("/")) {
            Path p = Path.of(name);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        Set<String> dirs = new LinkedHashSet<>();
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) if (!d.isEmpty()) dirs.add(d);
        dirs.addAll(java.util.List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"));
        for (String d : dirs) {
            Path p = Path.of(d, name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    /** The absolute paths of the shared libraries (and the loader) a program needs; empty for a static one. */
    static Set<Path> libraries(Path program) throws IOException {
        Process p = new ProcessBuilder("ldd", program.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) p.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running ldd", e);
        }
        Set<Path> libs = new LinkedHashSet<>();
        for (String line : out.split("\n")) {
            Matcher m = LIB.matcher(line);
            if (m.find()) libs.add(Path.of(m.group(1)));
        }
        return libs;
    }
}
