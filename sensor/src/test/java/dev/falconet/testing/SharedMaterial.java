package dev.falconet.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the reference material that sits beside the repository ({@code <repo root>/../shared}):
 * the upstream Falco rules, the reference notes, the .scap captures. Tests that need it skip with a
 * message when it is absent (it is not part of the repository).
 */
public final class SharedMaterial {
    private SharedMaterial() {}

    /** {@code ../shared/<relative>}, searched upwards from the working directory (worktrees sit deeper); null when absent. */
    public static Path find(String relative) {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path p = d.resolve("shared").resolve(relative);
            if (Files.exists(p)) return p;
        }
        return null;
    }

    /** Like {@link #find} but skips the calling test when absent. */
    public static Path require(String relative) {
        Path p = find(relative);
        Assumptions.assumeTrue(p != null, "../shared/" + relative + " is absent: test skipped");
        return p;
    }

    public static Path upstreamRules() {
        return require("falco-upstream");
    }
}
