package dev.falconet.exercise;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository's exercises are, for tests. */
final class ExerciseTesting {
    private ExerciseTesting() {}

    /** The repository root: the nearest directory from the working directory up that holds {@code mvnw}. */
    static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) dir = dir.getParent();
        if (dir == null) throw new IllegalStateException("cannot find the repository root (no mvnw above " + Path.of("").toAbsolutePath() + ")");
        return dir;
    }

    static Path exercisesDir() {
        return repoRoot().resolve(ExerciseCatalog.RELATIVE_DIR);
    }
}
