package dev.falconet.lab.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerStateTerminatedBuilder;
import io.fabric8.kubernetes.api.model.ContainerStateWaitingBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** kubectl's STATUS and AGE columns. */
class PodRowsTest {
    @Test
    void agesLikeKubectl() {
        assertThat(PodRows.age(Duration.ofSeconds(45))).isEqualTo("45s");
        assertThat(PodRows.age(Duration.ofSeconds(200))).isEqualTo("3m20s");
        assertThat(PodRows.age(Duration.ofMinutes(70))).isEqualTo("70m");
        assertThat(PodRows.age(Duration.ofMinutes(310))).isEqualTo("5h10m");
        assertThat(PodRows.age(Duration.ofHours(30))).isEqualTo("30h");
        assertThat(PodRows.age(Duration.ofHours(76))).isEqualTo("3d4h");
        assertThat(PodRows.age(Duration.ofDays(90))).isEqualTo("90d");
        assertThat(PodRows.age(Duration.ofDays(1105))).isEqualTo("3y10d");
        assertThat(PodRows.age(Duration.ofSeconds(-5))).isEqualTo("0s");
    }

    private static Pod pod() {
        return MockClusterTest.runningPod("secured-ns", "p", Map.of(), "ubuntu", null);
    }

    @Test
    void statuses() {
        assertThat(PodRows.status(pod())).isEqualTo("Running");

        Pod crash = pod();
        crash.getStatus().getContainerStatuses().getFirst().getState().setRunning(null);
        crash.getStatus().getContainerStatuses().getFirst().getState()
                .setWaiting(new ContainerStateWaitingBuilder().withReason("CrashLoopBackOff").build());
        assertThat(PodRows.status(crash)).isEqualTo("CrashLoopBackOff");

        Pod done = pod();
        done.getStatus().getContainerStatuses().getFirst().getState().setRunning(null);
        done.getStatus().getContainerStatuses().getFirst().getState()
                .setTerminated(new ContainerStateTerminatedBuilder().withExitCode(137).withSignal(9).build());
        assertThat(PodRows.status(done)).isEqualTo("Signal:9");

        Pod leaving = pod();
        leaving.getMetadata().setDeletionTimestamp("2026-12-03T10:00:00Z");
        assertThat(PodRows.status(leaving)).isEqualTo("Terminating");

        Pod evicted = pod();
        evicted.getStatus().setPhase("Failed");
        evicted.getStatus().setReason("Evicted");
        evicted.getStatus().getContainerStatuses().clear();
        assertThat(PodRows.status(evicted)).isEqualTo("Evicted");
    }
}
