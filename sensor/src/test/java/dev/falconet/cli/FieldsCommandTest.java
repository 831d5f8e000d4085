package dev.falconet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.falconet.fields.FieldRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class FieldsCommandTest {
    private record Run(int code, String out) {}

    private static Run run(String... args) {
        CommandLine cl = FalconetCli.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(new StringWriter()));
        int code = cl.execute(args);
        return new Run(code, out.toString());
    }

    @Test
    void listsEveryFieldAsText() {
        Run r = run("fields");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Field class: process").contains("proc.aname[N]?").contains("k8smeta.ns.name")
                .contains(FieldRegistry.standard().all().size() + " fields.");
    }

    @Test
    void listsEveryFieldAsJson() throws Exception {
        Run r = run("fields", "--json");
        assertThat(r.code()).isZero();
        JsonNode arr = new ObjectMapper().readTree(r.out());
        assertThat(arr.isArray()).isTrue();
        assertThat(arr.size()).isEqualTo(FieldRegistry.standard().all().size());
        boolean found = false;
        for (JsonNode n : arr) {
            assertThat(n.get("name").isTextual()).isTrue();
            assertThat(n.get("type").isTextual()).isTrue();
            assertThat(n.get("description").asText()).isNotBlank();
            if (n.get("name").asText().equals("user.loginuid")) {
                found = true;
                assertThat(n.get("type").asText()).isEqualTo("INT64");
            }
        }
        assertThat(found).isTrue();
    }

    @Test
    void helpAndUsage() {
        assertThat(run("fields", "--help").out()).contains("--json");
        assertThat(run("fields", "--bogus").code()).isEqualTo(FalconetCli.EXIT_USAGE);
    }
}
