package dev.falconet.app.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falconet.app.ui.TestThreads;
import dev.falconet.app.ui.UiThreads;
import dev.falconet.app.ui.shell.Notice;
import dev.falconet.lab.FakeTools;
import dev.falconet.lab.LabException;
import dev.falconet.lab.LabStatus;
import dev.falconet.lab.kube.PodRow;
import dev.falconet.lab.minikube.ClusterState;
import dev.falconet.lab.minikube.MinikubeStatus;
import dev.falconet.lab.prereq.Prerequisites;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabViewModelTest {
    private final UiThreads threads = TestThreads.direct();
    private final List<Notice> notices = new java.util.ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        threads.close();
    }

    @Test
    void withNothingInstalledEveryToolHasItsHintAndReplayIsOneClick() {
        var runner = new FakeTools(dir).runner();
        AtomicBoolean replay = new AtomicBoolean();
        var vm = new LabViewModel(threads, ScriptedLab.status(log -> new LabStatus(new Prerequisites(runner, dir.resolve("kvm")).check(log), null, null,
                List.of(), false, List.of())), () -> replay.set(true), notices::add);
        vm.refresh();
        assertThat(vm.tools()).extracting(t -> t.name()).contains("minikube", "kubectl", "helm", "docker", "podman");
        assertThat(vm.tools()).allMatch(t -> !t.usable() && t.installHint() != null);
        assertThat(vm.readyProperty().get()).isFalse();
        assertThat(vm.clusterProperty().get().key()).isEqualTo("lab.cluster.nominikube");
        assertThat(vm.problems()).anyMatch(p -> p.startsWith("minikube"));
        vm.useReplayMode();
        assertThat(replay).isTrue();
    }

    @Test
    void aRunningClusterShowsItsPodsAndTheCommandsBehindTheCheck() {
        var runner = new FakeTools(dir).script("minikube", "echo v1.35.0").script("kubectl", "echo 'Client Version: v1.32.0'")
                .script("docker", "echo 27.4.1").runner();
        PodRow pod = new PodRow("prod", "web-1", List.of("nginx:1.27"), Map.of("app", "web"), "minikube", "Running", 1, 1, 0, null, "5m");
        var vm = new LabViewModel(threads, ScriptedLab.status(log -> {
            var pre = new Prerequisites(runner, dir.resolve("kvm")).check(log);
            return new LabStatus(pre, new MinikubeStatus("minikube", "Running", "Running", "Running", "Configured", ClusterState.RUNNING, "ok"),
                    null, List.of(pod), true, List.of());
        }), () -> {}, notices::add);
        vm.refresh();
        assertThat(vm.readyProperty().get()).isTrue();
        assertThat(vm.clusterProperty().get().key()).isEqualTo("lab.cluster.running");
        assertThat(vm.pods()).containsExactly(pod);
        assertThat(vm.equivalents()).contains("minikube version --short");
    }

    @Test
    void aFailingCheckIsShownNotThrown() {
        var vm = new LabViewModel(threads, ScriptedLab.status(log -> {
            throw new LabException("cannot find the lab-manifests/ directory");
        }), () -> {}, notices::add);
        vm.refresh();
        assertThat(vm.clusterProperty().get().key()).isEqualTo("lab.cluster.error");
        assertThat(vm.checkingProperty().get()).isFalse();
    }

    @Test
    void everyClusterStateHasAMessage() {
        for (ClusterState s : ClusterState.values()) {
            var m = LabViewModel.clusterMessage(new MinikubeStatus("p", "", "", "", "", s, "why"));
            assertThat(m.key()).startsWith("lab.cluster.");
        }
    }

    @Test
    void startingTheClusterShowsItsLogAndProgressThenRefreshes() throws Exception {
        List<String> start = java.nio.file.Files.readAllLines(Path.of("src/test/resources/minikube/start-ok.txt"));
        var lab = new ScriptedLab(log -> new LabStatus(new Prerequisites(new FakeTools(dir).runner(), dir.resolve("kvm")).check(log), null, null,
                List.of(), false, List.of()));
        lab.onStart = log -> {
            log.equivalent("minikube start --driver=docker --cpus=2 --memory=4096");
            start.forEach(log::progress);
        };
        var vm = new LabViewModel(threads, lab, () -> {}, notices::add);
        vm.startCluster();
        assertThat(vm.log().getFirst()).isEqualTo("$ minikube start --driver=docker --cpus=2 --memory=4096");
        assertThat(vm.log()).hasSize(start.size() + 1).last().asString().contains("Done!");
        assertThat(vm.progressProperty().get()).isEqualTo(1.0);
        assertThat(vm.runningProperty().get()).isNull();
        assertThat(notices).extracting(n -> n.message().key()).containsExactly("notify.lab.started");
        assertThat(vm.checkedProperty().get()).as("refreshed after the action").isTrue();
    }

    @Test
    void aFailedActionIsANotificationWithMinikubesAdvice() {
        var lab = new ScriptedLab(log -> {
            throw new LabException("not checked in this test");
        });
        lab.onDeploy = log -> {
            log.equivalent("kubectl apply -f lab-manifests/secured-ns.yaml");
            throw new LabException("kubectl points at context 'prod-cluster', not 'minikube': run 'kubectl config use-context minikube'");
        };
        var vm = new LabViewModel(threads, lab, () -> {}, notices::add);
        vm.deployApps();
        assertThat(notices).hasSize(1);
        assertThat(notices.getFirst().error()).isTrue();
        assertThat(notices.getFirst().message().key()).isEqualTo("notify.lab.deployfailed");
        assertThat(notices.getFirst().message().args().getFirst().toString()).contains("kubectl config use-context minikube");
        assertThat(vm.log()).last().asString().startsWith("✗ ");
    }
}
