package dev.falconet.lab;

import dev.falconet.lab.process.ProcessCommandRunner;
import dev.falconet.lab.process.ToolLocator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

/**
 * A directory of scripted stand-ins for minikube, kubectl, helm, docker: real executables (bash
 * scripts) that print what the real tools print. The PATH is this directory alone, so no real tool
 * installed on the machine is found; scripts call coreutils by absolute path.
 */
public final class FakeTools {
    private final Path dir;

    public FakeTools(Path dir) {
        this.dir = dir;
    }

    /** Writes an executable script {@code name} with this bash body. */
    public FakeTools script(String name, String body) {
        try {
            Path p = dir.resolve(name);
            Files.writeString(p, "#!/bin/bash\n" + body + "\n");
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A script that appends its arguments to {@code <name>.calls} and then runs {@code body}. */
    public FakeTools recording(String name, String body) {
        return script(name, "echo \"$*\" >> \"" + dir.resolve(name + ".calls") + "\"\n" + body);
    }

    public List<String> calls(String name) {
        try {
            Path p = dir.resolve(name + ".calls");
            return Files.exists(p) ? Files.readAllLines(p) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path dir() {
        return dir;
    }

    public ToolLocator locator() {
        return new ToolLocator(List.of(dir));
    }

    public ProcessCommandRunner runner() {
        return new ProcessCommandRunner(locator(), Map.of());
    }
}
