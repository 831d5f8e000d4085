package dev.falconet.lab.process;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds programs on a PATH, the way a shell does. The PATH is explicit so tests can point it at
 * directories of scripted tools.
 */
public record ToolLocator(List<Path> dirs) {
    public ToolLocator {
        dirs = List.copyOf(dirs);
    }

    /** Parses a PATH string ({@code /usr/bin:/bin}); empty entries are skipped. */
    public static ToolLocator fromPath(String path) {
        var dirs = new ArrayList<Path>();
        if (path != null) {
            for (String d : path.split(File.pathSeparator)) if (!d.isBlank()) dirs.add(Path.of(d));
        }
        return new ToolLocator(dirs);
    }

    /** The PATH of this process. */
    public static ToolLocator system() {
        return fromPath(System.getenv("PATH"));
    }

    /** The first executable file called {@code program} on the PATH. */
    public Optional<Path> find(String program) {
        if (program.contains("/")) {
            Path p = Path.of(program);
            return Files.isExecutable(p) && Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
        }
        for (Path d : dirs) {
            Path p = d.resolve(program);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    /** The PATH string these directories stand for. */
    public String pathString() {
        return String.join(File.pathSeparator, dirs.stream().map(Path::toString).toList());
    }
}
