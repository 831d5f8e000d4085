package dev.falconet.lab.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.falconet.lab.FakeTools;
import dev.falconet.lab.LabException;
import dev.falconet.lab.LabLog;
import dev.falconet.lab.RecordingLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exec and copy through a scripted kubectl (the mock API server has no exec in CRUD mode). */
class KubectlPodExecTest {
    @TempDir
    Path dir;

    /** Behaves like kubectl exec against the lab: one known pod, the rest NotFound. */
    private FakeTools kubectl() {
        return new FakeTools(dir).recording("kubectl", """
                if [ "$1" = exec ]; then
                  shift; pod=""
                  while [ "$1" != "--" ]; do
                    case "$1" in -n|-c) shift 2 ;; -*) shift ;; *) pod="$1"; shift ;; esac
                  done
                  shift
                  if [ "$pod" != ubuntu-deployment-5fccb98689-zmn4t ]; then
                    echo "Error from server (NotFound): pods \\"$pod\\" not found" >&2; exit 1
                  fi
                  case "$1" in
                    cat) printf '#\\n# The PAM configuration file for the Shadow `passwd` service\\n#\\n@include common-password\\n' ;;
                    ls) echo "ls: cannot access '$2': No such file or directory" >&2; exit 2 ;;
                    sleep) /usr/bin/sleep "$2" ;;
                  esac
                  exit 0
                fi
                if [ "$1" = cp ]; then exit 0; fi
                exit 1""");
    }

    @Test
    void runsTheCommandAndReturnsItsOutput() {
        var tools = kubectl();
        var log = new RecordingLog(LabLog.SILENT);
        ExecResult r = new KubectlPodExec(tools.runner()).exec(ExecRequest.of("secured-ns", "ubuntu-deployment-5fccb98689-zmn4t",
                Duration.ofSeconds(10), "cat", "/etc/pam.d/passwd"), log);

        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout()).contains("@include common-password");
        assertThat(r.stderr()).isEmpty();
        assertThat(log.equivalents()).containsExactly(
                "kubectl exec -n secured-ns ubuntu-deployment-5fccb98689-zmn4t -- cat /etc/pam.d/passwd");
    }

    @Test
    void theCommandsOwnFailureIsItsExitCodeNotAnError() {
        ExecResult r = new KubectlPodExec(kubectl().runner()).exec(ExecRequest.of("secured-ns",
                "ubuntu-deployment-5fccb98689-zmn4t", Duration.ofSeconds(10), "ls", "/test"), LabLog.SILENT);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).contains("No such file or directory");
        assertThat(r.ok()).isFalse();
    }

    @Test
    void aMissingPodIsAClearError() {
        assertThatThrownBy(() -> new KubectlPodExec(kubectl().runner()).exec(ExecRequest.of("secured-ns", "ghost",
                Duration.ofSeconds(10), "id"), LabLog.SILENT))
                .isInstanceOf(LabException.class)
                .hasMessage("exec in secured-ns/ghost: pods \"ghost\" not found");
    }

    @Test
    void aHangingCommandTimesOut() {
        ExecResult r = new KubectlPodExec(kubectl().runner()).exec(ExecRequest.of("secured-ns",
                "ubuntu-deployment-5fccb98689-zmn4t", Duration.ofMillis(400), "sleep", "30"), LabLog.SILENT);
        assertThat(r.timedOut()).isTrue();
        assertThat(r.exitCode()).isEqualTo(-1);
    }

    @Test
    void ttyOnlyWhenAskedAndCopyUsesKubectlCp() throws Exception {
        var tools = kubectl();
        var exec = new KubectlPodExec(tools.runner());
        exec.exec(new ExecRequest("secured-ns", "ubuntu-deployment-5fccb98689-zmn4t", "ubuntu", List.of("cat", "/etc/hostname"),
                Duration.ofSeconds(10), true), LabLog.SILENT);
        Path local = Files.writeString(dir.resolve("nmap.deb"), "payload");
        var log = new RecordingLog(LabLog.SILENT);
        exec.copyInto("secured-ns", "ubuntu-deployment-5fccb98689-zmn4t", null, local, "/tmp/nmap.deb", log);

        assertThat(tools.calls("kubectl")).containsExactly(
                "exec -t -n secured-ns ubuntu-deployment-5fccb98689-zmn4t -c ubuntu -- cat /etc/hostname",
                "cp " + local + " secured-ns/ubuntu-deployment-5fccb98689-zmn4t:/tmp/nmap.deb");
        assertThat(log.equivalents()).containsExactly("kubectl cp " + local
                + " secured-ns/ubuntu-deployment-5fccb98689-zmn4t:/tmp/nmap.deb");
        assertThatThrownBy(() -> exec.copyInto("secured-ns", "x", null, dir.resolve("missing"), "/tmp/a", LabLog.SILENT))
                .hasMessageContaining("no such file");
    }

    @Test
    void noKubectlSaysHowToGetIt() {
        assertThatThrownBy(() -> new KubectlPodExec(new FakeTools(dir).runner()).exec(ExecRequest.of("secured-ns", "p",
                Duration.ofSeconds(1), "id"), LabLog.SILENT))
                .hasMessageContaining("kubectl is not installed").hasMessageContaining("minikube kubectl --");
    }
}
