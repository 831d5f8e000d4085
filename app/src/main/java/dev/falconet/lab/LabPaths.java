package dev.falconet.lab;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the lab's files are: the repository root holding {@code lab-manifests/}. Found from the
 * {@code falconet.home} system property, else upwards from the working directory, else upwards from
 * where this class was loaded ({@code app/target/falconet-app.jar} sits two levels below the root).
 */
public record LabPaths(Path root) {
    public static final String MANIFESTS = "lab-manifests";

    public Path manifests() {
        return root.resolve(MANIFESTS);
    }

    public Path securedNs() {
        return manifests().resolve("secured-ns.yaml");
    }

    public Path prod() {
        return manifests().resolve("prod.yaml");
    }

    public Path sensorDir() {
        return manifests().resolve("sensor");
    }

    public Path falcoValues() {
        return manifests().resolve("falco").resolve("custom-values.yaml");
    }

    /** A path relative to the root when it is below it, for showing in equivalents. */
    public String display(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path r = root.toAbsolutePath().normalize();
        return abs.startsWith(r) ? r.relativize(abs).toString() : abs.toString();
    }

    /** Locates the repository root, or explains how to point the lab at it. */
    public static LabPaths locate() {
        String home = System.getProperty("falconet.home");
        if (home != null && !home.isBlank()) {
            Path p = Path.of(home);
            if (Files.isDirectory(p.resolve(MANIFESTS))) return new LabPaths(p);
            throw new LabException("falconet.home=" + home + " has no " + MANIFESTS + "/ directory");
        }
        return upwardsFrom(Path.of("").toAbsolutePath())
                .or(LabPaths::fromCodeSource)
                .orElseThrow(() -> new LabException("cannot find the " + MANIFESTS + "/ directory: run falconet from its "
                        + "checkout, or pass -Dfalconet.home=<checkout> (FALCONET_JAVA_OPTS)"));
    }

    static Optional<LabPaths> upwardsFrom(Path start) {
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve(MANIFESTS))) return Optional.of(new LabPaths(p));
        }
        return Optional.empty();
    }

    private static Optional<LabPaths> fromCodeSource() {
        try {
            var src = LabPaths.class.getProtectionDomain().getCodeSource();
            if (src == null) return Optional.empty();
            return upwardsFrom(Path.of(src.getLocation().toURI()));
        } catch (URISyntaxException | SecurityException e) {
            return Optional.empty();
        }
    }
}
