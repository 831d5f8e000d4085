package dev.falconet.lab.minikube;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** minikube's output, as recorded from real runs, read into states and failures. */
class MinikubeParsingTest {
    static String recorded(String name) {
        try (InputStream in = MinikubeParsingTest.class.getResourceAsStream("/minikube/" + name)) {
            if (in == null) throw new IllegalStateException("missing test resource minikube/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void runningJson() {
        MinikubeStatus s = MinikubeStatusParser.parse("minikube", recorded("status-running.json"), "");
        assertThat(s.state()).isEqualTo(ClusterState.RUNNING);
        assertThat(s.host()).isEqualTo("Running");
        assertThat(s.apiServer()).isEqualTo("Running");
        assertThat(s.kubeconfig()).isEqualTo("Configured");
        assertThat(s.message()).isEqualTo("cluster 'minikube' is running");
    }

    @Test
    void stoppedJsonAndText() {
        assertThat(MinikubeStatusParser.parse("minikube", recorded("status-stopped.json"), "").state()).isEqualTo(ClusterState.STOPPED);
        MinikubeStatus t = MinikubeStatusParser.parse("minikube", recorded("status-stopped.txt"), "");
        assertThat(t.state()).isEqualTo(ClusterState.STOPPED);
        assertThat(t.message()).contains("falconet lab up");
    }

    @Test
    void runningText() {
        MinikubeStatus s = MinikubeStatusParser.parse("minikube", recorded("status-running.txt"), "");
        assertThat(s.state()).isEqualTo(ClusterState.RUNNING);
        assertThat(s.profile()).isEqualTo("minikube");
        assertThat(s.kubelet()).isEqualTo("Running");
    }

    @Test
    void pausedJson() {
        MinikubeStatus s = MinikubeStatusParser.parse("minikube", recorded("status-paused.json"), "");
        assertThat(s.state()).isEqualTo(ClusterState.PAUSED);
        assertThat(s.message()).contains("minikube unpause");
    }

    @Test
    void multiNodeJsonUsesTheControlPlane() {
        MinikubeStatus s = MinikubeStatusParser.parse("lab", recorded("status-multinode.json"), "");
        assertThat(s.profile()).isEqualTo("lab");
        assertThat(s.state()).isEqualTo(ClusterState.RUNNING);
    }

    @Test
    void missingProfile() {
        MinikubeStatus s = MinikubeStatusParser.parse("minikube", "", recorded("status-nonexistent.txt"));
        assertThat(s.state()).isEqualTo(ClusterState.NONEXISTENT);
        assertThat(s.message()).contains("no cluster named 'minikube'").contains("falconet lab up");
    }

    @Test
    void garbageIsUnknownAndQuoted() {
        MinikubeStatus s = MinikubeStatusParser.parse("minikube", "E1203 panic: something odd\n", "");
        assertThat(s.state()).isEqualTo(ClusterState.UNKNOWN);
        assertThat(s.message()).contains("panic: something odd");
    }

    @Test
    void driverNotHealthyFailure() {
        MinikubeFailure f = MinikubeFailure.parse(recorded("start-drv-not-healthy.txt"));
        assertThat(f.reason()).isEqualTo("DRV_NOT_HEALTHY");
        assertThat(f.message()).startsWith("Found driver(s) but none were healthy.");
        assertThat(f.suggestions()).singleElement().asString().contains("sudo usermod -aG docker $USER");
        assertThat(f.describe()).startsWith("DRV_NOT_HEALTHY: Found driver(s)").contains("suggestion: Add your user");
    }

    @Test
    void insufficientCoresFailure() {
        MinikubeFailure f = MinikubeFailure.parse(recorded("start-insufficient-cores.txt"));
        assertThat(f.reason()).isEqualTo("RSRC_INSUFFICIENT_CORES");
        assertThat(f.message()).isEqualTo("Requested cpu count 2 is greater than the available cpus of 1");
        assertThat(f.suggestions()).isEmpty();
    }

    @Test
    void plainStyleFailure() {
        MinikubeFailure f = MinikubeFailure.parse(recorded("start-plain-style.txt"));
        assertThat(f.reason()).isEqualTo("MK_USAGE");
        assertThat(f.suggestions()).containsExactly("Increase the memory allocated to Docker Desktop, or run minikube with --memory=1900");
    }

    @Test
    void failureWithoutReasonUsesTheLastLine() {
        MinikubeFailure f = MinikubeFailure.parse("😄  minikube v1.35.0\n❗  something went badly\n");
        assertThat(f.reason()).isNull();
        assertThat(f.message()).isEqualTo("something went badly");
    }
}
