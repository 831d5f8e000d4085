package dev.falconet.scap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assumptions;

/** Where the shared test captures are ({@code <repo root>/../shared/captures/scap}, any ancestor), and their bytes. */
final class ScapTestFiles {
    private ScapTestFiles() {}

    static Path repoRoot() {
        Path d = Path.of("").toAbsolutePath();
        while (d != null && !Files.isRegularFile(d.resolve("mvnw"))) d = d.getParent();
        return d == null ? Path.of("").toAbsolutePath() : d;
    }

    /** The shared directory with this sub path, or null when absent. */
    static Path shared(String sub) {
        for (Path d = repoRoot().getParent(); d != null; d = d.getParent()) {
            Path p = d.resolve("shared").resolve(sub);
            if (Files.isDirectory(p)) return p;
        }
        return null;
    }

    static Path capturesOrSkip() {
        Path dir = shared("captures/scap");
        Assumptions.assumeTrue(dir != null, "../shared/captures/scap is absent: .scap capture tests skipped");
        return dir;
    }

    static Path capture(String name) {
        return capturesOrSkip().resolve(name + ".scap");
    }

    /** The uncompressed scap bytes of a shared capture. */
    static byte[] plain(String name) throws IOException {
        byte[] raw = Files.readAllBytes(capture(name));
        if (raw.length < 2 || (raw[0] & 0xff) != 0x1f || (raw[1] & 0xff) != 0x8b) return raw;
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(raw))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }
}
