package dev.falconet.lab.prereq;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falconet.lab.FakeTools;
import dev.falconet.lab.LabLog;
import dev.falconet.lab.RecordingLog;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Prerequisite detection against a PATH of scripted tools that print what the real ones print. */
class PrerequisitesTest {
    @TempDir
    Path dir;

    private FakeTools fullSetup() {
        return new FakeTools(dir)
                .script("minikube", "echo v1.35.0")
                .script("kubectl", "echo 'Client Version: v1.32.0'; echo 'Kustomize Version: v5.5.0'")
                .script("helm", "echo v3.17.1+g980d8ac")
                .script("docker", "echo 27.4.1");
    }

    @Test
    void everythingInstalled() {
        var log = new RecordingLog(LabLog.SILENT);
        PrerequisiteReport r = new Prerequisites(fullSetup().runner(), dir.resolve("no-kvm")).check(log);

        assertThat(r.ready()).isTrue();
        assertThat(r.problems()).isEmpty();
        assertThat(r.tool("minikube").orElseThrow().version()).isEqualTo("v1.35.0");
        assertThat(r.tool("kubectl").orElseThrow().version()).isEqualTo("v1.32.0");
        assertThat(r.tool("helm").orElseThrow().version()).isEqualTo("v3.17.1+g980d8ac");
        assertThat(r.tool("docker").orElseThrow().version()).isEqualTo("27.4.1");
        assertThat(r.tool("minikube").orElseThrow().path()).isEqualTo(dir.resolve("minikube").toString());
        assertThat(r.tool("podman").orElseThrow().found()).isFalse();
        assertThat(r.driver().driver()).isEqualTo("docker");
        assertThat(log.equivalents()).contains("minikube version --short", "kubectl version --client",
                "docker version --format '{{.Server.Version}}'");
    }

    @Test
    void nothingInstalledGivesAnInstallHintForEachPiece() {
        PrerequisiteReport r = new Prerequisites(new FakeTools(dir).runner(), dir.resolve("no-kvm")).check(LabLog.SILENT);

        assertThat(r.ready()).isFalse();
        assertThat(r.tools()).allSatisfy(t -> {
            assertThat(t.found()).isFalse();
            assertThat(t.problem()).isEqualTo("not found on the PATH");
            assertThat(t.installHint()).isNotBlank();
        });
        assertThat(r.tool("minikube").orElseThrow().installHint()).contains("https://minikube.sigs.k8s.io/docs/start/");
        assertThat(r.tool("helm").orElseThrow().installHint()).contains("helm.sh");
        assertThat(r.driver().usable()).isFalse();
        assertThat(r.problems()).anySatisfy(p -> assertThat(p).startsWith("minikube: not found on the PATH. Install minikube"));
        assertThat(r.problems()).anySatisfy(p -> assertThat(p).startsWith("(optional) helm:"));
        assertThat(r.problems()).anySatisfy(p -> assertThat(p).startsWith("driver: no container engine"));
    }

    @Test
    void dockerWithoutItsDaemonIsNotAUsableDriver() {
        var tools = fullSetup().script("docker", """
                echo 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?' >&2
                exit 1""");
        PrerequisiteReport r = new Prerequisites(tools.runner(), dir.resolve("no-kvm")).check(LabLog.SILENT);

        assertThat(r.tool("docker").orElseThrow().found()).isTrue();
        assertThat(r.tool("docker").orElseThrow().problem()).startsWith("Cannot connect to the Docker daemon");
        assertThat(r.driver().usable()).isFalse();
        assertThat(r.driver().reason()).contains("daemon does not answer");
        assertThat(r.driver().installHint()).contains("systemctl start docker");
        assertThat(r.ready()).isFalse();
    }

    @Test
    void podmanIsTheFallbackDriverThenKvm() throws Exception {
        var tools = fullSetup().script("docker", "exit 1").script("podman", "echo 5.4.2");
        PrerequisiteReport r = new Prerequisites(tools.runner(), dir.resolve("no-kvm")).check(LabLog.SILENT);
        assertThat(r.driver().driver()).isEqualTo("podman");
        assertThat(r.tool("podman").orElseThrow().version()).isEqualTo("5.4.2");

        Path kvm = Files.createFile(dir.resolve("kvm"));
        var noEngines = new FakeTools(dir).script("podman", "exit 125").script("virsh", "echo 10.0.0");
        PrerequisiteReport k = new Prerequisites(noEngines.runner(), kvm).check(LabLog.SILENT);
        assertThat(k.driver().driver()).isEqualTo("kvm2");
        assertThat(k.driver().usable()).isTrue();
    }

    @Test
    void aToolThatHangsIsReportedNotWaitedForForever() {
        var tools = fullSetup().script("helm", "/usr/bin/sleep 30; echo v3.16.0");
        long t0 = System.nanoTime();
        PrerequisiteReport r = new Prerequisites(tools.runner(), dir.resolve("no-kvm"), java.time.Duration.ofMillis(500))
                .check(LabLog.SILENT);
        assertThat(r.tool("helm").orElseThrow().problem()).isEqualTo("'helm version --short' did not answer in 500 ms");
        assertThat(r.tool("minikube").orElseThrow().usable()).isTrue();
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - t0)).isLessThan(java.time.Duration.ofSeconds(20));
    }

    @Test
    void versionTokens() {
        assertThat(Prerequisites.parseVersion("Client Version: v1.32.0\nKustomize Version: v5.5.0")).hasValue("v1.32.0");
        assertThat(Prerequisites.parseVersion("27.4.1")).hasValue("27.4.1");
        assertThat(Prerequisites.parseVersion("no digits")).isEmpty();
    }
}
