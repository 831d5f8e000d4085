package dev.falconet.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabPathsTest {
    @Test
    void findsTheCheckoutUpwardsAndShowsPathsRelativeToIt(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("lab-manifests/sensor"));
        Path deep = Files.createDirectories(root.resolve("app/target/classes"));
        LabPaths p = LabPaths.upwardsFrom(deep).orElseThrow();
        assertThat(p.root()).isEqualTo(root);
        assertThat(p.display(p.securedNs())).isEqualTo("lab-manifests/secured-ns.yaml");
        assertThat(p.display(Path.of("/etc/hosts"))).isEqualTo("/etc/hosts");
        assertThat(LabPaths.upwardsFrom(Path.of("/proc/self"))).isEmpty();
    }
}
