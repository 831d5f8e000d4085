package dev.falconet.app.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falconet.output.Alert;
import dev.falconet.rules.Priority;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

public class AlertFilterTest {
    public static Alert alert(String rule, Priority p, String ns, String message) {
        Map<String, Object> f = new HashMap<>();
        f.put("proc.name", "cat");
        if (ns != null) f.put("k8s.ns.name", ns);
        f.put("fd.name", null);
        return new Alert(1_000_000_000L, rule, p, "syscall", List.of("t"), "host", "00:00:01: " + p.display() + " " + message,
                message, f, UUID.randomUUID().toString());
    }

    private final Alert shell = alert("Shell in container", Priority.NOTICE, "prod", "shell spawned");
    private final Alert read = alert("Read sensitive file", Priority.WARNING, "secured-ns", "read /etc/shadow");

    @Test
    void theEmptyFilterLetsEverythingThrough() {
        assertThat(AlertFilter.ALL.test(shell)).isTrue();
    }

    @Test
    void ruleMustMatchExactly() {
        assertThat(new AlertFilter("Shell in container", null, "", "").test(read)).isFalse();
        assertThat(new AlertFilter("Shell in container", null, "", "").test(shell)).isTrue();
    }

    @Test
    void priorityKeepsThatLevelAndMoreSevere() {
        AlertFilter f = new AlertFilter("", Priority.WARNING, "", "");
        assertThat(f.test(read)).isTrue();
        assertThat(f.test(shell)).isFalse();
    }

    @Test
    void namespaceComesFromTheOutputFields() {
        assertThat(new AlertFilter("", null, "prod", "").test(shell)).isTrue();
        assertThat(new AlertFilter("", null, "prod", "").test(read)).isFalse();
        assertThat(AlertFilter.namespaceOf(alert("r", Priority.DEBUG, null, "m"))).isEmpty();
    }

    @Test
    void textIsSearchedCaseInsensitivelyInOutputAndFieldValues() {
        assertThat(new AlertFilter("", null, "", "SHADOW").test(read)).isTrue();
        assertThat(new AlertFilter("", null, "", "cat").test(read)).isTrue();
        assertThat(new AlertFilter("", null, "", "nothing-like-this").test(read)).isFalse();
    }
}
