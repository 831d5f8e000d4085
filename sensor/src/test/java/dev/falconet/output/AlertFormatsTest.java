package dev.falconet.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falconet.rules.Priority;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertFormatsTest {
    @Test
    void outputLineHasLocalTimeOfDayWithNanosecondsAndCapitalisedPriority() {
        assertThat(AlertFormats.outputLine(TestAlerts.TIME, Priority.WARNING, "msg", ZoneOffset.UTC))
                .isEqualTo("13:44:05.478445995: Warning msg");
        assertThat(AlertFormats.outputLine(TestAlerts.TIME, Priority.INFORMATIONAL, "m", ZoneId.of("Europe/Moscow")))
                .isEqualTo("16:44:05.478445995: Informational m");
    }

    @Test
    void jsonAlertMatchesFalcoByteForByte() {
        assertThat(AlertFormats.json(TestAlerts.readSensitiveFile())).isEqualTo(
                "{\"hostname\":\"node-1\",\"output\":\"13:44:05.478445995: Warning Sensitive file opened for reading by "
                + "non-trusted program | file=/etc/pam.d/passwd container_id=3ad7b26ded6d container_name=lab\","
                + "\"output_fields\":{\"container.id\":\"3ad7b26ded6d\",\"container.name\":\"lab\",\"evt.time\":1685022245478445995,"
                + "\"evt.type\":\"openat\",\"fd.name\":\"/etc/pam.d/passwd\",\"proc.aname[2]\":null,\"proc.cmdline\":\"cat /etc/pam.d/passwd\","
                + "\"user.loginuid\":-1},\"priority\":\"Warning\",\"rule\":\"Read sensitive file untrusted\",\"source\":\"syscall\","
                + "\"tags\":[\"T1555\",\"container\",\"filesystem\",\"host\",\"maturity_stable\",\"mitre_credential_access\"],"
                + "\"time\":\"2023-05-25T13:44:05.478445995Z\",\"uuid\":\"6f1c0a4e-1d2b-4c3d-9e8f-0a1b2c3d4e5f\"}");
    }

    @Test
    void textLineIsTheJsonEscapedOutputWithoutQuotes() {
        Alert a = TestAlerts.hostile(3);
        assertThat(AlertFormats.text(a)).isEqualTo("13:44:05.478445995: Error Hostile \\\"quoted\\\" \\\\ value\\nsecond line");
    }

    @Test
    void escapingFollowsNlohmannJson() {
        assertThat(FalcoJson.escape("a\"b\\c\b\f\n\r\t\u0001\u001f\u007fé日本\ud83d\ude00"))
                .isEqualTo("a\\\"b\\\\c\\b\\f\\n\\r\\t\\u0001\\u001f\u007fé日本\ud83d\ude00");
        assertThat(FalcoJson.escape("lone \ud800 and \udc00")).isEqualTo("lone \uFFFD and \uFFFD");
        assertThat(FalcoJson.escape("/slash/")).isEqualTo("/slash/");
    }

    @Test
    void jsonValuesKeepTheirTypes() {
        assertThat(FalcoJson.write(Map.of("b", true, "a", List.of(1L, "x"), "c", Map.of("z", 1, "y", 2))))
                .isEqualTo("{\"a\":[1,\"x\"],\"b\":true,\"c\":{\"y\":2,\"z\":1}}");
        assertThat(AlertFormats.isoTime(0)).isEqualTo("1970-01-01T00:00:00.000000000Z");
    }

    @Test
    void streamSinkWritesTextByDefaultAndJsonWhenAsked() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(buf, true, StandardCharsets.UTF_8);
        try (Outputs outputs = new OutputOptions().open(ps, Map.of())) {
            outputs.accept(TestAlerts.writeBelowTestDir());
        }
        assertThat(buf.toString(StandardCharsets.UTF_8)).isEqualTo(AlertFormats.text(TestAlerts.writeBelowTestDir()) + System.lineSeparator());

        buf.reset();
        new StreamSink(ps, true).accept(TestAlerts.writeBelowTestDir());
        assertThat(buf.toString(StandardCharsets.UTF_8)).startsWith("{\"hostname\":\"node-1\",").endsWith("}" + System.lineSeparator());
    }
}
