package dev.falconet.lab.minikube;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StartProgressTest {
    @Test
    void aRecordedStartMovesForwardToDone() throws Exception {
        StartProgress p = new StartProgress();
        List<Double> seen = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/minikube/start-ok.txt"))) seen.add(p.line(line));
        assertThat(seen).isSorted();
        assertThat(seen.getFirst()).isZero(); // the version banner is no milestone
        assertThat(seen).contains(0.15, 0.25, 0.40, 0.60, 0.85, 0.95);
        assertThat(p.fraction()).isEqualTo(1.0);
    }

    @Test
    void otherLinesAndRepeatsNeverMoveItBack() {
        StartProgress p = new StartProgress();
        p.line("🐳  Preparing Kubernetes v1.32.0 on Docker 27.4.1 ...");
        assertThat(p.line("    ▪ Using image gcr.io/k8s-minikube/storage-provisioner:v5")).isEqualTo(0.60);
        assertThat(p.line("👍  Starting \"minikube\" primary control-plane node")).isEqualTo(0.60);
    }
}
