package dev.falconet.scenario.podman;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falconet.event.ThreadInfo;
import dev.falconet.event.ThreadTable;
import dev.falconet.scenario.SourcePos;
import dev.falconet.scenario.Step;
import dev.falconet.scenario.Target;
import dev.falconet.scenario.Text;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which host processes belong to a live run: step commands below this JVM, and programs that replaced them. */
class LiveScopeTest {
    static final SourcePos AT = new SourcePos("s.yaml", 1, 1);
    static final Text T = new Text("t", "t");
    final ThreadTable table = new ThreadTable();
    final long jvm = ProcessHandle.current().pid();

    static Step host(String id, List<String> argv) {
        return new Step(id, T, new Target.Host(), argv, null, 0, List.of(), AT);
    }

    ThreadInfo proc(long tid, long parent, String exe, List<String> args) {
        ThreadInfo t = new ThreadInfo(table, tid).pid(tid).ptid(parent).exe(exe).args(args);
        table.put(t);
        return t;
    }

    @Test
    void stepCommandsBelowThisJvmAreInScopeAndStrangersAreNot() {
        proc(jvm, 1, "java", List.of());
        LiveScope scope = new LiveScope(List.of(host("login", List.of("setpriv", "--reuid=daemon", "/usr/bin/login")),
                host("tool", List.of("{tool:anti-debug}"))));
        assertThat(scope.contains(proc(900_001, jvm, "setpriv", List.of("--reuid=daemon", "/usr/bin/login")))).isTrue();
        // the compiled tool runs as .../anti-debug
        assertThat(scope.contains(proc(900_002, jvm, "/root/.cache/falconet/scenario-tools/anti-debug", List.of()))).isTrue();
        // the same command outside this JVM's tree belongs to someone else
        assertThat(scope.contains(proc(900_003, 1, "setpriv", List.of("--reuid=daemon", "/usr/bin/login")))).isFalse();
    }

    @Test
    void aStepThatReplacedItselfCountsOnlyWhileAHostStepRuns() {
        proc(jvm, 1, "java", List.of());
        LiveScope scope = new LiveScope(List.of(host("login", List.of("setpriv", "--reuid=daemon", "/usr/bin/login"))));
        // setpriv exec'd login in the same process: its command line is no longer the step's
        ThreadInfo login = proc(900_010, jvm, "/usr/bin/login", List.of());
        ThreadInfo child = proc(900_011, 900_010, "sh", List.of("-c", "id"));
        assertThat(scope.contains(login)).isFalse();
        scope.hostStep(true);
        assertThat(scope.contains(login)).isTrue();
        assertThat(scope.contains(child)).isTrue();
        // the runner's own helpers stay out: the sync marker and the container runtime's CLI
        assertThat(scope.contains(proc(900_012, jvm, "/usr/bin/true", List.of("falconet-scenario-sync-1-2")))).isFalse();
        assertThat(scope.contains(proc(900_013, jvm, "podman", List.of("inspect", "abc")))).isFalse();
        scope.hostStep(false);
        assertThat(scope.contains(login)).isFalse();
    }
}
