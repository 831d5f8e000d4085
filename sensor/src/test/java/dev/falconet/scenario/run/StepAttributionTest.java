package dev.falconet.scenario.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falconet.event.ContainerInfo;
import dev.falconet.event.K8sInfo;
import dev.falconet.event.ThreadInfo;
import dev.falconet.event.ThreadTable;
import dev.falconet.scenario.SourcePos;
import dev.falconet.scenario.Step;
import dev.falconet.scenario.Target;
import dev.falconet.scenario.Text;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which step an event belongs to: by the command of the process or an ancestor, and where it runs. */
class StepAttributionTest {
    static final SourcePos AT = new SourcePos("s.yaml", 1, 1);
    static final Text T = new Text("t", "t");
    final ThreadTable table = new ThreadTable();

    static Step step(String id, Target where, List<String> argv, String shell) {
        return new Step(id, T, where, argv, shell, 0, List.of(), AT);
    }

    ThreadInfo proc(long tid, long parent, String exe, List<String> args, ContainerInfo c) {
        ThreadInfo t = new ThreadInfo(table, tid).ptid(parent).exe(exe).args(args).container(c);
        table.put(t);
        return t;
    }

    static ContainerInfo container(String name, String ns) {
        return new ContainerInfo("0123456789ab", null, "podman", name, null, null, null, null, null, false, 0, null, null,
                ns == null ? null : K8sInfo.fromRuntime("p", "u", ns, Map.of()));
    }

    @Test
    void theStepIsTheProcessOrAnAncestorWithTheStepsCommand() {
        var prod = container("falconet-prod-ubuntu-deployment", "prod");
        var secured = container("falconet-secured-ns-ubuntu-deployment", "secured-ns");
        var a = new StepAttribution(List.of(
                step("touch-prod", new Target.Pod("prod", "ubuntu-deployment"), List.of("touch", "/test/f"), null),
                step("touch-secured", new Target.Pod("secured-ns", "ubuntu-deployment"), List.of("touch", "/test/f"), null),
                step("host", new Target.Host(), List.of("/usr/bin/touch", "/test/f"), null),
                step("sh", new Target.Container("lab"), List.of(), "ln -s /etc/shadow /tmp/x"),
                step("pipe", new Target.Container("lab"), List.of(), "cat /etc/shadow | head -1")));
        proc(1, 0, "conmon", List.of(), null);
        assertThat(a.stepOf(proc(10, 1, "touch", List.of("/test/f"), prod))).isEqualTo("touch-prod");
        assertThat(a.stepOf(proc(11, 1, "touch", List.of("/test/f"), secured))).isEqualTo("touch-secured");
        assertThat(a.stepOf(proc(12, 1, "touch", List.of("/test/f"), null))).isEqualTo("host");
        // sh -c "ln ..." often execs ln in place of the shell: the line split at spaces matches too
        var lab = container("falconet-demo-lab", null);
        assertThat(a.stepOf(proc(13, 1, "ln", List.of("-s", "/etc/shadow", "/tmp/x"), lab))).isEqualTo("sh");
        // a pipeline: the shell stays, its children belong to the step
        proc(14, 1, "sh", List.of("-c", "cat /etc/shadow | head -1"), lab);
        assertThat(a.stepOf(proc(15, 14, "cat", List.of("/etc/shadow"), lab))).isEqualTo("pipe");
        // another container's process with the same command is not the step's
        assertThat(a.stepOf(proc(16, 1, "ln", List.of("-s", "/etc/shadow", "/tmp/x"), container("other", null)))).isNull();
        assertThat(a.stepOf(proc(17, 1, "cat", List.of("/etc/passwd"), lab))).isNull();
        assertThat(a.stepOrOnly(table.find(17))).isNull();
        var only = new StepAttribution(List.of(step("one", new Target.Host(), List.of("true"), null)));
        assertThat(only.stepOrOnly(table.find(17))).isEqualTo("one");
    }
}
