package dev.falconet.app.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falconet.output.Alert;
import dev.falconet.output.AlertJsonParser;
import dev.falconet.output.telegram.TelegramFormat;
import org.junit.jupiter.api.Test;

class MarkdownV2Test {
    @Test
    void escapesAreLiteralAndMarkersStyle() {
        assertThat(MarkdownV2.parse("*\\[Falco\\] \\[Warning\\]* file\\=/etc/pam\\.d _it_ `a\\_b`")).containsExactly(
                new MarkdownV2.Span("[Falco] [Warning]", true, false, false, false, false),
                new MarkdownV2.Span(" file=/etc/pam.d ", false, false, false, false, false),
                new MarkdownV2.Span("it", false, true, false, false, false),
                new MarkdownV2.Span(" ", false, false, false, false, false),
                new MarkdownV2.Span("a\\_b", false, false, false, false, true));
    }

    @Test
    void anAlertRendersAsFalcosidekickLaysItOutWithEveryValueIntact() throws Exception {
        Alert a = AlertJsonParser.parseIncoming("{\"hostname\":\"minikube\",\"output\":\"Sensitive file opened (file=/etc/pam.d/passwd cmd=cat *x* [y])\","
                + "\"priority\":\"Warning\",\"rule\":\"Read sensitive file untrusted\",\"source\":\"syscall\",\"tags\":[\"T1555\",\"filesystem\"],"
                + "\"time\":\"2025-03-10T15:09:53.526225612Z\",\"output_fields\":{\"fd.name\":\"/etc/pam.d/passwd\",\"proc.name\":\"cat\","
                + "\"k8s.ns.name\":null}}");
        String shown = MarkdownV2.plain(TelegramFormat.render(a).text());
        assertThat(shown).startsWith("[Falco] [Warning] Read sensitive file untrusted\n")
                .contains("• Time: 2025-03-10 15:09:53.526225612 +0000 UTC")
                .contains("• Hostname: minikube")
                .contains("• fd.name: /etc/pam.d/passwd")
                .contains("Output: Sensitive file opened (file=/etc/pam.d/passwd cmd=cat *x* [y])");
    }
}
