package dev.falconet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.falconet.testing.SharedMaterial;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ValidateCommandTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        CommandLine cl = FalconetCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void shippedRulesAreValid() {
        Path rules = repoRoot().resolve("rules/falconet_rules.yaml");
        Run r = run("validate", "-r", rules.toString(), "-r", repoRoot().resolve("rules/examples/prod-only.yaml").toString());
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).contains("5 rules (5 enabled)").contains("0 errors");
    }

    @Test
    void brokenFileReportsEveryProblemWithPositionsAndExitsOne() throws IOException {
        Path bad = write("bad.yaml", """
                - rule: Broken paren
                  desc: d
                  condition: (proc.name = bash
                  output: o
                  priority: WARNING
                - rule: Unknown field
                  desc: d
                  condition: evt.type = open and proc.nme = bash
                  output: o %proc.name
                  priority: WARNING
                - rule: Bad priority
                  desc: d
                  condition: evt.type = open
                  output: o
                  priority: SEVERE
                - macro: m
                  condition: evt.type = open
                  frobnicate: true
                """);
        Run r = run("validate", "-r", bad.toString());
        assertThat(r.exit()).isEqualTo(1);
        List<String> lines = r.out().lines().toList();
        assertThat(lines).anyMatch(l -> l.matches(".*bad\\.yaml:3:\\d+: error LOAD_ERR_COMPILE_CONDITION: rule 'Broken paren': expected a '\\)' token"));
        assertThat(lines).anyMatch(l -> l.matches(".*bad\\.yaml:8:\\d+: error LOAD_ERR_COMPILE_CONDITION: rule 'Unknown field': .*proc\\.nme.*did you mean.*proc\\.name.*"));
        assertThat(lines).anyMatch(l -> l.contains("rule 'Bad priority'") && l.contains("Invalid priority"));
        assertThat(lines).anyMatch(l -> l.contains("warning LOAD_UNKNOWN_KEY") && l.contains("frobnicate"));
        assertThat(lines).anyMatch(l -> l.endsWith(": Invalid"));
    }

    @Test
    void jsonHasCountsDiagnosticsAndEventTypes() throws IOException {
        Path ok = write("ok.yaml", """
                - list: shells
                  items: [bash, sh]
                - macro: spawned
                  condition: evt.type in (execve, execveat)
                - rule: Shell
                  desc: d
                  condition: spawned and proc.name in (shells)
                  output: shell %proc.name
                  priority: NOTICE
                - rule: Off
                  desc: d
                  condition: evt.type = openat
                  output: o
                  priority: INFO
                  enabled: false
                """);
        Run r = run("validate", "--json", "-r", ok.toString());
        assertThat(r.exit()).isZero();
        JsonNode j = json(r.out());
        assertThat(j.get("errors").asInt()).isZero();
        assertThat(j.get("rules").asInt()).isEqualTo(2);
        assertThat(j.get("enabled_rules").asInt()).isEqualTo(1);
        assertThat(j.get("macros").asInt()).isEqualTo(1);
        assertThat(j.get("lists").asInt()).isEqualTo(1);
        assertThat(j.get("diagnostics").isArray()).isTrue();
        assertThat(j.get("rule_event_types").get("Shell").toString()).isEqualTo("[\"execve\",\"execveat\"]");
        assertThat(j.get("rule_event_types").get("Off").toString()).isEqualTo("[\"openat\"]");
    }

    @Test
    void jsonDiagnosticsCarryEveryKey() throws IOException {
        Path bad = write("bad.yaml", "- rule: X\n  desc: d\n  condition: evt.type = opne\n  output: o\n  priority: WARNING\n");
        Run r = run("validate", "--json", "-r", bad.toString());
        assertThat(r.exit()).isEqualTo(1);
        JsonNode d = json(r.out()).get("diagnostics").get(0);
        List<String> keys = new ArrayList<>();
        d.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).contains("file", "line", "column", "severity", "code", "item", "message");
        assertThat(d.get("message").asText()).isEqualTo("unknown event type opne");
        assertThat(d.get("line").asInt()).isEqualTo(3);
    }

    @Test
    void upstreamFilesValidate() {
        Path up = SharedMaterial.upstreamRules();
        Run r = run("validate", "--json", "-r", up.resolve("falco_rules.yaml").toString(), "-r", up.resolve("falco-incubating_rules.yaml").toString(),
                "-r", up.resolve("falco-sandbox_rules.yaml").toString(), "-r", up.resolve("falco-deprecated_rules.yaml").toString());
        assertThat(r.exit()).isZero();
        JsonNode j = json(r.out());
        assertThat(j.get("errors").asInt()).isZero();
        assertThat(j.get("rules").asInt()).isEqualTo(97);
        assertThat(j.get("enabled_rules").asInt()).isEqualTo(81);
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run("validate").exit()).isEqualTo(2);
        assertThat(run("validate", "--bogus", "-r", "x").exit()).isEqualTo(2);
        assertThat(run("nosuchcommand").exit()).isEqualTo(2);
    }

    @Test
    void missingFileIsADiagnostic() {
        Run r = run("validate", "-r", dir.resolve("nope.yaml").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("LOAD_ERR_FILE_READ").contains("nope.yaml");
    }

    private static JsonNode json(String s) {
        try {
            return new ObjectMapper().readTree(s);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + s, e);
        }
    }

    static Path repoRoot() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.exists(d.resolve("rules/falconet_rules.yaml"))) return d;
        }
        throw new IllegalStateException("repository root not found");
    }
}
