package dev.falconet.exercise;

import dev.falconet.rules.diag.Diagnostic;
import dev.falconet.rules.diag.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every exercise of a directory ({@code scenarios/exercises/*.yaml}), easiest first.
 *
 * <pre>{@code
 * ExerciseCatalog catalog = ExerciseCatalog.load(ExerciseCatalog.locate());
 * catalog.diagnostics().forEach(d -> System.err.println(d.format()));
 * Exercise ex = catalog.find("write-below-test").orElseThrow();
 * GradeReport report = Grader.check(ex, Path.of("my_rules.yaml"));
 * }</pre>
 *
 * @param root        the exercises directory
 * @param exercises   the exercises that loaded without errors, by level, then id
 * @param diagnostics problems of every file, in file order
 */
public record ExerciseCatalog(Path root, List<Exercise> exercises, List<Diagnostic> diagnostics) {
    /** Where the exercises are, relative to the repository root. */
    public static final String RELATIVE_DIR = "scenarios/exercises";

    public ExerciseCatalog {
        exercises = List.copyOf(exercises);
        diagnostics = List.copyOf(diagnostics);
    }

    /**
     * Loads every {@code *.yaml} file of {@code root} (not its subdirectories: starters, solutions and
     * captures live there). Never throws; a file with errors is left out and its diagnostics kept.
     */
    public static ExerciseCatalog load(Path root) {
        Path repo = repoRootOf(root);
        ExerciseLoader loader = new ExerciseLoader(root, repo, upstreamDir(repo));
        List<Exercise> exercises = new ArrayList<>();
        List<Diagnostic> diags = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(root)) {
            files = s.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException | RuntimeException e) {
            diags.add(new Diagnostic(ExerciseCodes.MISSING_FILE, Severity.ERROR, root.toString(), 0, 0, "",
                    "cannot list the exercises directory: " + e.getMessage()));
            return new ExerciseCatalog(root, List.of(), diags);
        }
        for (Path f : files) {
            ExerciseLoader.Result r = loader.load(f);
            diags.addAll(r.diagnostics());
            if (r.ok()) {
                if (exercises.stream().anyMatch(x -> x.id().equals(r.exercise().id()))) {
                    diags.add(new Diagnostic(ExerciseCodes.BAD_ID, Severity.ERROR, f.toString(), 1, 1, "",
                            "exercise id '" + r.exercise().id() + "' is used by another file"));
                    continue;
                }
                exercises.add(r.exercise());
            }
        }
        exercises.sort(Comparator.comparingInt(Exercise::level).thenComparing(Exercise::id));
        return new ExerciseCatalog(root, exercises, diags);
    }

    /** The exercise with this id. */
    public Optional<Exercise> find(String id) {
        return exercises.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** Whether every file loaded without errors. */
    public boolean ok() {
        return diagnostics.stream().noneMatch(Diagnostic::isError);
    }

    /**
     * The exercises directory of the repository the working directory is in: the nearest
     * {@code scenarios/exercises} from the working directory up; else beside the running jar
     * ({@code <repo>/app/target/*.jar}); else {@code scenarios/exercises} of the working directory.
     */
    public static Path locate() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path p = d.resolve(RELATIVE_DIR);
            if (Files.isDirectory(p)) return p;
        }
        try {
            Path jar = Path.of(ExerciseCatalog.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path d = jar.getParent(); d != null; d = d.getParent()) {
                Path p = d.resolve(RELATIVE_DIR);
                if (Files.isDirectory(p)) return p;
            }
        } catch (java.net.URISyntaxException | RuntimeException e) {
            // no code source (e.g. a custom class loader): fall back to the working directory
        }
        return Path.of(RELATIVE_DIR);
    }

    /** {@code <repo>} of {@code <repo>/scenarios/exercises}. */
    static Path repoRootOf(Path exercisesDir) {
        Path abs = exercisesDir.toAbsolutePath().normalize();
        Path up = abs.getParent() == null ? null : abs.getParent().getParent();
        return up == null ? abs : up;
    }

    /**
     * {@code <repo>/../shared/falco-upstream}; a git worktree may sit deeper than the main checkout, so
     * every ancestor of the repository root is tried. Null when none has it.
     */
    static Path upstreamDir(Path repoRoot) {
        for (Path d = repoRoot.getParent(); d != null; d = d.getParent()) {
            Path up = d.resolve("shared/falco-upstream");
            if (Files.isDirectory(up)) return up;
        }
        return null;
    }
}
