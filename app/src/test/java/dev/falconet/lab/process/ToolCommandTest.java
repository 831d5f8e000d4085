package dev.falconet.lab.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ToolCommandTest {
    @Test
    void displayQuotesOnlyWhatAShellWouldSplitOrExpand() {
        assertThat(ToolCommand.of("kubectl", "exec", "-n", "secured-ns", "pod", "--", "sh", "-c", "cat /etc/shadow > /dev/null")
                .display()).isEqualTo("kubectl exec -n secured-ns pod -- sh -c 'cat /etc/shadow > /dev/null'");
        assertThat(ToolCommand.of("echo", "it's", "").display()).isEqualTo("echo 'it'\\''s' ''");
        assertThat(ToolCommand.of("docker", "version", "--format", "{{.Server.Version}}").display())
                .isEqualTo("docker version --format '{{.Server.Version}}'");
    }
}
