package dev.falconet.lab.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falconet.lab.LabLog;
import dev.falconet.lab.RecordingLog;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.ErrorStreamMessage;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.server.mock.OutputStreamMessage;
import io.fabric8.kubernetes.client.server.mock.StatusStreamMessage;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Exec over the API server's exec websocket. The CRUD mock has no exec, so this uses the mock in
 * expectation mode, scripted with the frames a kubelet sends: stdout, stderr, then the exit status.
 */
@EnableKubernetesMockClient(https = false)
class Fabric8PodExecTest {
    static KubernetesClient client;
    static KubernetesMockServer server;

    static final String POD = "ubuntu-deployment-5fccb98689-zmn4t";
    static final String POD_PATH = "/api/v1/namespaces/secured-ns/pods/" + POD;

    private static Pod running() {
        return new PodBuilder().withNewMetadata().withNamespace("secured-ns").withName(POD).endMetadata()
                .withNewSpec().addNewContainer().withName("ubuntu").withImage("ubuntu").endContainer().endSpec()
                .withNewStatus().withPhase("Running").addNewContainerStatus().withName("ubuntu").withReady(true)
                .withNewState().withNewRunning().endRunning().endState().endContainerStatus().endStatus().build();
    }

    /** The pod GET, and the list by name fabric8 makes to pick the default container. */
    private static void podExists() {
        server.expect().get().withPath(POD_PATH).andReturn(200, running()).always();
        server.expect().get().withPath("/api/v1/namespaces/secured-ns/pods?fieldSelector=metadata.name%3D" + POD)
                .andReturn(200, new io.fabric8.kubernetes.api.model.PodListBuilder().addToItems(running()).build()).always();
    }

    @Test
    void runsTheCommandAndCollectsStdoutStderrAndExitCode() {
        podExists();
        server.expect().withPath(POD_PATH + "/exec?command=ls&command=%2Ftest&container=ubuntu&stdout=true&stderr=true")
                .andUpgradeToWebSocket().open()
                .waitFor(20).andEmit(new OutputStreamMessage("partial\n"))
                .waitFor(30).andEmit(new ErrorStreamMessage("ls: cannot access '/test': No such file or directory\n"))
                .waitFor(40).andEmit(new StatusStreamMessage(2))
                .done().once();
        var log = new RecordingLog(LabLog.SILENT);

        ExecResult r = new Fabric8PodExec(client).exec(ExecRequest.of("secured-ns", POD, Duration.ofSeconds(10), "ls", "/test"), log);

        assertThat(r.pod()).isEqualTo(POD);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stdout()).isEqualTo("partial\n");
        assertThat(r.stderr()).isEqualTo("ls: cannot access '/test': No such file or directory\n");
        assertThat(r.timedOut()).isFalse();
        assertThat(log.equivalents()).containsExactly("kubectl exec -n secured-ns " + POD + " -- ls /test");
    }

    @Test
    void aCommandThatNeverFinishesTimesOut() {
        podExists();
        server.expect().withPath(POD_PATH + "/exec?command=sleep&command=infinity&container=ubuntu&stdout=true&stderr=true")
                .andUpgradeToWebSocket().open()
                .waitFor(20).andEmit(new OutputStreamMessage("started\n"))
                // the kubelet would send the status when the process ends: here it waits for a frame that never comes
                .expect("never sent").andEmit(new StatusStreamMessage(0)).once()
                .done().once();

        ExecResult r = new Fabric8PodExec(client).exec(ExecRequest.of("secured-ns", POD, Duration.ofMillis(500), "sleep", "infinity"),
                LabLog.SILENT);

        assertThat(r.timedOut()).as(r.toString()).isTrue();
        assertThat(r.exitCode()).isEqualTo(-1);
        assertThat(r.stdout()).isEqualTo("started\n");
    }

    @Test
    void aStreamThatClosesWithoutAnExitStatusIsAnError() {
        podExists();
        server.expect().withPath(POD_PATH + "/exec?command=id&container=ubuntu&stdout=true&stderr=true")
                .andUpgradeToWebSocket().open()
                .waitFor(20).andEmit(new OutputStreamMessage("uid=0(root)"))
                .done().once();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Fabric8PodExec(client).exec(
                        ExecRequest.of("secured-ns", POD, Duration.ofSeconds(10), "id"), LabLog.SILENT))
                .isInstanceOf(dev.falconet.lab.LabException.class)
                .hasMessage("exec in pod secured-ns/" + POD + " ended without an exit status (the connection closed); output so far: uid=0(root)");
    }
}
