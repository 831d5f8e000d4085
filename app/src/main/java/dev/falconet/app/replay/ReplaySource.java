package dev.falconet.app.replay;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A capture to replay: its name as shown to the user and how to open it.
 *
 * @param name   shown in the UI and in error messages
 * @param opener opens the capture's bytes (once per replay)
 */
public record ReplaySource(String name, Opener opener) {
    /** Opens a capture's bytes. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    public ReplaySource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(opener, "opener");
    }

    public static ReplaySource file(Path p) {
        return new ReplaySource(p.toString(), () -> Files.newInputStream(p));
    }
}
