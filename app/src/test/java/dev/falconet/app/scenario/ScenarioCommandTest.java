package dev.falconet.app.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.falconet.cli.FalconetCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code falconet scenario ...} on the repository's scenarios (replay) and on broken files. */
class ScenarioCommandTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    private int run(String... args) {
        CommandLine cl = FalconetCli.commandLine();
        cl.addSubcommand(new ScenarioCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void listJsonShowsTheLabScenariosAndWhereTheyRun() throws Exception {
        assertThat(run("scenario", "list", "--json")).as(err.toString()).isZero();
        JsonNode doc = new ObjectMapper().readTree(out.toString());
        List<String> ids = new ArrayList<>();
        doc.get("scenarios").forEach(s -> ids.add(s.get("id").asText()));
        assertThat(ids).contains("read-pam-passwd", "drop-exec-nmap", "packet-socket-tcpdump", "symlink-shadow",
                "write-below-test", "write-below-test-prod");
        JsonNode read = doc.get("scenarios").get(ids.indexOf("read-pam-passwd"));
        assertThat(read.get("group").asText()).isEqualTo("lab");
        assertThat(read.get("title").get("ru").asText()).isEqualTo("Чтение файла конфигурации PAM в поде");
        assertThat(read.get("rules_expected").get(0).asText()).isEqualTo("Read sensitive file untrusted");
        assertThat(read.get("steps").get(0).get("where").get("pod").get("namespace").asText()).isEqualTo("secured-ns");
        assertThat(read.get("backends").get("replay").get("available").asBoolean()).isTrue();
        assertThat(read.get("backends").has("podman")).isTrue();
        assertThat(read.get("backends").has("minikube")).isTrue();
        assertThat(doc.get("diagnostics").isArray()).isTrue();
    }

    @Test
    void runAllOnReplayPassesWithJsonResults() throws Exception {
        assertThat(run("scenario", "run", "all", "--backend", "replay", "--json")).as(err.toString()).isZero();
        JsonNode doc = new ObjectMapper().readTree(out.toString());
        assertThat(doc.get("summary").get("fail").asLong()).isZero();
        assertThat(doc.get("summary").get("error").asLong()).isZero();
        assertThat(doc.get("summary").get("pass").asLong()).isGreaterThanOrEqualTo(6);
        JsonNode first = doc.get("results").get(0);
        assertThat(first.get("outcome").asText()).isEqualTo("pass");
        assertThat(first.get("alerts").get(0).get("rule").asText()).isNotEmpty();
        // progress went to stderr, so stdout is one JSON document
        assertThat(err.toString()).contains("== read-pam-passwd");
    }

    @Test
    void runOneShowsStepsAlertsAndTheVerdict() {
        assertThat(run("scenario", "run", "write-below-test-prod")).isZero();
        assertThat(out.toString()).contains("== write-below-test-prod").contains("alert Warning Write below test directory (step touch-prod)")
                .contains("PASS").contains("1 passed, 0 failed, 0 skipped (backend replay)");
    }

    @Test
    void aFailingScenarioExitsOneWithTheReason() throws Exception {
        Path scenarios = copyScenario("read-pam-passwd");
        Path f = scenarios.resolve("read-pam-passwd.yaml");
        Files.writeString(f, Files.readString(f).replace("fd.name: { equals: /etc/pam.d/passwd }", "fd.name: { equals: /etc/shadow }"));
        assertThat(run("scenario", "run", "read-pam-passwd", "--dir", scenarios.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("FAIL")
                .contains("rule 'Read sensitive file untrusted': its alert: field fd.name: expected equals /etc/shadow, got /etc/pam.d/passwd");
    }

    @Test
    void validateReportsFileLineAndColumn() throws Exception {
        Path scenarios = copyScenario("symlink-shadow");
        Path f = scenarios.resolve("symlink-shadow.yaml");
        Files.writeString(f, Files.readString(f).replace("preconditions:", "precondition:"));
        assertThat(run("scenario", "validate", "--dir", scenarios.toString())).isEqualTo(1);
        assertThat(err.toString()).containsPattern("symlink-shadow\\.yaml:\\d+:1: error SCN_UNKNOWN_KEY: unknown key 'precondition' in scenario\\. "
                + "Did you mean 'preconditions'\\?");
        assertThat(out.toString()).contains("0 scenarios valid, 1 errors");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run("scenario", "run", "no-such-scenario")).isEqualTo(2);
        assertThat(err.toString()).contains("no valid scenario 'no-such-scenario'");
        assertThat(run("scenario", "run", "all", "--backend", "vagrant")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown backend 'vagrant'");
        assertThat(run("scenario", "record", "read-pam-passwd", "--backend", "replay")).isEqualTo(2);
        assertThat(err.toString()).contains("only the podman backend records");
    }

    /** A scenarios directory with one scenario and its capture (rules paths stay relative to the checkout). */
    private Path copyScenario(String id) throws Exception {
        Path scenarios = Files.createDirectories(dir.resolve("scenarios/captures"));
        Files.copy(ROOT.resolve("scenarios/" + id + ".yaml"), dir.resolve("scenarios/" + id + ".yaml"));
        Files.copy(ROOT.resolve("scenarios/captures/" + id + ".jsonl"), scenarios.resolve(id + ".jsonl"));
        return dir.resolve("scenarios");
    }
}
