package dev.falconet.lab;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout the tests run in (surefire's working directory is the module directory). */
public final class TestPaths {
    private TestPaths() {}

    public static LabPaths lab() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve(LabPaths.MANIFESTS))) return new LabPaths(p);
        }
        throw new IllegalStateException("no lab-manifests/ above " + Path.of("").toAbsolutePath());
    }
}
