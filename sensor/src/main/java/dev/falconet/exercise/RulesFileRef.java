package dev.falconet.exercise;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A rules file loaded before the student's file: {@code upstream:NAME} (the upstream Falco rules file
 * {@code NAME} from {@code <repo>/../shared/falco-upstream}, which is not part of the repository) or a
 * path relative to the repository root.
 *
 * @param written the entry as written in the exercise file
 * @param path    the file; for an upstream file that is not on this machine, where it was looked for
 * @param upstream whether it is an upstream file (absent upstream files skip the exercise with a message)
 */
public record RulesFileRef(String written, Path path, boolean upstream) {
    public static final String UPSTREAM_PREFIX = "upstream:";

    public RulesFileRef {
        Objects.requireNonNull(written, "written");
        Objects.requireNonNull(path, "path");
    }

    public boolean present() {
        return java.nio.file.Files.isRegularFile(path);
    }
}
