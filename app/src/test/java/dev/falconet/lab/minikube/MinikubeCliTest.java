package dev.falconet.lab.minikube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.falconet.lab.FakeTools;
import dev.falconet.lab.LabException;
import dev.falconet.lab.LabLog;
import dev.falconet.lab.RecordingLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link MinikubeCli} against a scripted minikube binary (a real process printing recorded output). */
class MinikubeCliTest {
    @TempDir
    Path dir;

    private static final class Lines implements LabLog {
        final List<String> equivalents = new CopyOnWriteArrayList<>();
        final List<String> progress = new CopyOnWriteArrayList<>();
        final Runnable onFirstProgress;

        Lines(Runnable onFirstProgress) {
            this.onFirstProgress = onFirstProgress;
        }

        @Override public void equivalent(String command) { equivalents.add(command); }

        @Override public void progress(String line) {
            if (progress.isEmpty()) onFirstProgress.run();
            progress.add(line);
        }
    }

    private Path resource(String name) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, MinikubeParsingTest.recorded(name));
        return p;
    }

    @Test
    void startStreamsProgressWhileMinikubeRunsThenReadsStatus() throws Exception {
        Path start = resource("start-ok.txt");
        Path status = resource("status-running.json");
        Path go = dir.resolve("go");
        // prints the first line, then waits until the test has seen it: only streaming gets past this
        var tools = new FakeTools(dir).recording("minikube", """
                case "$3" in
                  start)
                    /usr/bin/head -n 1 '%s'
                    for i in $(/usr/bin/seq 200); do [ -f '%s' ] && break; /usr/bin/sleep 0.05; done
                    [ -f '%s' ] || { echo "no streaming" >&2; exit 99; }
                    /usr/bin/tail -n +2 '%s' ;;
                  status) /usr/bin/cat '%s' ;;
                esac""".formatted(start, go, go, start, status));
        var log = new Lines(() -> {
            try {
                Files.createFile(go);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        MinikubeStatus s = new MinikubeCli(tools.runner()).start(new StartOptions("docker", null, 2, 4096), log);

        assertThat(s.state()).isEqualTo(ClusterState.RUNNING);
        assertThat(log.progress).hasSize(10).first().asString().contains("minikube v1.35.0");
        assertThat(log.progress).last().asString().contains("Done! kubectl is now configured");
        assertThat(log.equivalents).containsExactly("minikube start --driver=docker --cpus=2 --memory=4096", "minikube status -o json");
        assertThat(tools.calls("minikube")).containsExactly("-p minikube start --driver=docker --cpus=2 --memory=4096",
                "-p minikube status -o json");
    }

    @Test
    void failedStartBecomesAnExceptionWithMinikubesReason() throws Exception {
        Path out = resource("start-drv-not-healthy.txt");
        var tools = new FakeTools(dir).script("minikube", "/usr/bin/cat '" + out + "' >&2; exit 60");
        assertThatThrownBy(() -> new MinikubeCli(tools.runner()).start(StartOptions.defaults(), LabLog.SILENT))
                .isInstanceOf(MinikubeException.class)
                .hasMessageStartingWith("minikube start failed: DRV_NOT_HEALTHY")
                .hasMessageContaining("sudo usermod -aG docker");
    }

    @Test
    void statusOfAStoppedClusterIsNotAnError() throws Exception {
        Path out = resource("status-stopped.json");
        // minikube status exits 7 when host, cluster and kubernetes are all stopped
        var tools = new FakeTools(dir).script("minikube", "/usr/bin/cat '" + out + "'; exit 7");
        assertThat(new MinikubeCli(tools.runner()).status(LabLog.SILENT).state()).isEqualTo(ClusterState.STOPPED);
    }

    @Test
    void missingProfileStatus() throws Exception {
        Path out = resource("status-nonexistent.txt");
        var tools = new FakeTools(dir).script("minikube", "/usr/bin/cat '" + out + "' >&2; exit 85");
        assertThat(new MinikubeCli(tools.runner()).status(LabLog.SILENT).state()).isEqualTo(ClusterState.NONEXISTENT);
    }

    @Test
    void noMinikubeSaysHowToInstallIt() {
        var tools = new FakeTools(dir);
        assertThatThrownBy(() -> new MinikubeCli(tools.runner()).status(LabLog.SILENT))
                .isInstanceOf(LabException.class)
                .hasMessageContaining("minikube is not installed")
                .hasMessageContaining("https://minikube.sigs.k8s.io/docs/start/");
    }

    @Test
    void otherProfilesShowInTheEquivalentAndImageBuildPassesItsArguments() {
        var tools = new FakeTools(dir).recording("minikube", "echo 'Successfully tagged falconet-sensor:dev'");
        var log = new RecordingLog(LabLog.SILENT);
        new MinikubeCli(tools.runner(), "lab").imageBuild("falconet-sensor:dev", Path.of("/repo"),
                "lab-manifests/sensor/Dockerfile", log);
        assertThat(log.equivalents()).containsExactly(
                "minikube -p lab image build -t falconet-sensor:dev -f lab-manifests/sensor/Dockerfile /repo");
        assertThat(tools.calls("minikube")).containsExactly(
                "-p lab image build -t falconet-sensor:dev -f lab-manifests/sensor/Dockerfile /repo");
    }
}
