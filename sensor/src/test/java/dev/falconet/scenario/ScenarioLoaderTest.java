package dev.falconet.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falconet.rules.Priority;
import dev.falconet.rules.diag.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading scenario files: the model, and every diagnostic with its code, line and column. */
class ScenarioLoaderTest {
    static final RulesCache RULES = new RulesCache();

    @TempDir
    Path root;
    Path scenarios;
    ScenarioLoader loader;

    static final String VALID = """
            id: demo
            group: lab
            title: { en: Demo, ru: Демо }
            story:
              en: A story.
              ru: История.
            rules:
              - rules/lab.yaml
            steps:
              - id: read
                title: { en: Read, ru: Читать }
                where:
                  pod: { namespace: secured-ns, deployment: ubuntu-deployment }
                run: [cat, /etc/shadow]
              - id: link
                title: { en: Link, ru: Ссылка }
                where: { container: lab }
                shell: "ln -s /etc/shadow /tmp/x"
                exit: any
            expect:
              ordered: true
              alerts:
                - rule: Read sensitive file untrusted
                  priority: WARNING
                  step: read
                  fields:
                    fd.name: { equals: /etc/shadow }
                    proc.cmdline: { contains: shadow }
                    container.id: { exists: true }
                    user.loginuid: { matches: "^-?[0-9]+$" }
              absent:
                - rule: Write below test directory
                  step: link
            capture: captures/demo.jsonl
            """;

    @BeforeEach
    void setUp() throws Exception {
        Files.createDirectories(root.resolve("rules"));
        Files.copy(Path.of("..", "rules", "falconet_rules.yaml"), root.resolve("rules/lab.yaml"));
        scenarios = Files.createDirectories(root.resolve("scenarios"));
        Files.createDirectories(scenarios.resolve("captures"));
        Files.writeString(scenarios.resolve("captures/demo.jsonl"), "");
        loader = new ScenarioLoader(root, RULES);
    }

    private ScenarioLoader.Result load(String text) {
        return loader.parse(scenarios.resolve("demo.yaml"), text);
    }

    /** The only error of a file, with its position. */
    private Diagnostic onlyError(String text) {
        var r = load(text);
        List<Diagnostic> errors = r.diagnostics().stream().filter(Diagnostic::isError).toList();
        assertThat(errors).as("diagnostics: %s", r.diagnostics()).hasSize(1);
        assertThat(r.scenario()).isEmpty();
        return errors.get(0);
    }

    @Test
    void aValidFileGivesTheWholeModel() {
        var r = load(VALID);
        assertThat(r.diagnostics()).isEmpty();
        Scenario s = r.scenario().orElseThrow();
        assertThat(s.id()).isEqualTo("demo");
        assertThat(s.title().in("ru")).isEqualTo("Демо");
        assertThat(s.rules()).singleElement().satisfies(x -> {
            assertThat(x.upstream()).isFalse();
            assertThat(x.path()).isEqualTo(root.resolve("rules/lab.yaml").toAbsolutePath().normalize());
        });
        assertThat(s.steps()).hasSize(2);
        Step read = s.steps().get(0);
        assertThat(read.where()).isEqualTo(new Target.Pod("secured-ns", "ubuntu-deployment"));
        assertThat(read.commandLine()).containsExactly("cat", "/etc/shadow");
        assertThat(read.exit()).isZero();
        Step link = s.steps().get(1);
        assertThat(link.where()).isEqualTo(new Target.Container("lab"));
        assertThat(link.commandLine()).containsExactly("sh", "-c", "ln -s /etc/shadow /tmp/x");
        assertThat(link.exit()).isNull();
        assertThat(s.expect().ordered()).isTrue();
        AlertExpectation a = s.expect().alerts().get(0);
        assertThat(a.priority()).isEqualTo(Priority.WARNING);
        assertThat(a.step()).isEqualTo("read");
        assertThat(a.pos().line()).isEqualTo(23);
        assertThat(a.fields()).containsOnlyKeys("fd.name", "proc.cmdline", "container.id", "user.loginuid");
        assertThat(a.fields().get("fd.name")).isEqualTo(new FieldCheck.Equals("/etc/shadow"));
        assertThat(a.fields().get("container.id")).isEqualTo(new FieldCheck.Exists(true));
        assertThat(s.expect().absent()).singleElement().satisfies(x -> {
            assertThat(x.rule()).isEqualTo("Write below test directory");
            assertThat(x.step()).isEqualTo("link");
        });
        assertThat(s.captureFile()).isEqualTo(scenarios.resolve("captures/demo.jsonl").toAbsolutePath().normalize());
    }

    @Test
    void anUnknownKeySaysWhereAndWhatWasMeant() {
        Diagnostic d = onlyError(VALID.replace("  ordered: true", "  orderd: true"));
        assertThat(d.code()).isEqualTo(ScenarioCodes.UNKNOWN_KEY);
        assertThat(d.line()).isEqualTo(21);
        assertThat(d.column()).isEqualTo(3);
        assertThat(d.message()).contains("unknown key 'orderd' in expect").contains("Did you mean 'ordered'?");
        assertThat(d.format()).startsWith("scenarios/demo.yaml:21:3: error SCN_UNKNOWN_KEY:".replace("scenarios/", d.file().replace("demo.yaml", "")));
    }

    @Test
    void aMissingTranslationIsAnErrorAtTheText() {
        Diagnostic d = onlyError(VALID.replace("title: { en: Demo, ru: Демо }", "title: { en: Demo }"));
        assertThat(d.code()).isEqualTo(ScenarioCodes.MISSING_TRANSLATION);
        assertThat(d.line()).isEqualTo(3);
        assertThat(d.message()).isEqualTo("title has no Russian (ru) version: every text is written in both languages");
        Diagnostic step = onlyError(VALID.replace("title: { en: Read, ru: Читать }", "title: { ru: Читать }"));
        assertThat(step.line()).isEqualTo(11);
        assertThat(step.message()).startsWith("title has no English (en) version");
    }

    @Test
    void aMissingCaptureNamesTheRecordCommand() throws Exception {
        Files.delete(scenarios.resolve("captures/demo.jsonl"));
        Diagnostic d = onlyError(VALID);
        assertThat(d.code()).isEqualTo(ScenarioCodes.CAPTURE_MISSING);
        assertThat(d.line()).isEqualTo(34);
        assertThat(d.message()).contains("capture captures/demo.jsonl does not exist")
                .contains("sudo ./falconet scenario record demo --backend podman");
        // recording loads the scenario anyway: the capture is what it writes
        var r = loader.forRecording().parse(scenarios.resolve("demo.yaml"), VALID);
        assertThat(r.scenario()).isPresent();
        assertThat(r.diagnostics()).singleElement().satisfies(x -> assertThat(x.isError()).isFalse());
    }

    @Test
    void anUnknownRulesFileIsAnError() {
        Diagnostic d = onlyError(VALID.replace("rules/lab.yaml", "rules/nope.yaml"));
        assertThat(d.code()).isEqualTo(ScenarioCodes.RULES_FILE_UNKNOWN);
        assertThat(d.line()).isEqualTo(8);
        assertThat(d.column()).isEqualTo(5);
        assertThat(d.message()).startsWith("rules file rules/nope.yaml does not exist");
    }

    @Test
    void aStepWhereWithNoTargetOrTwoTargetsIsAnError() {
        Diagnostic none = onlyError(VALID.replace("where: { container: lab }", "where: {}"));
        assertThat(none.code()).isEqualTo(ScenarioCodes.STEP_TARGET);
        assertThat(none.line()).isEqualTo(17);
        assertThat(none.message()).isEqualTo("where names no target: give one of pod, container or host");
        Diagnostic two = onlyError(VALID.replace("where: { container: lab }", "where: { container: lab, host: true }"));
        assertThat(two.code()).isEqualTo(ScenarioCodes.STEP_TARGET);
        assertThat(two.line()).isEqualTo(17);
        assertThat(two.message()).isEqualTo("where names 2 targets: give exactly one of pod, container or host");
    }

    @Test
    void anExpectationNamingAnUndefinedRuleIsAnError() {
        Diagnostic d = onlyError(VALID.replace("- rule: Read sensitive file untrusted", "- rule: Read sensitive file untrustd"));
        assertThat(d.code()).isEqualTo(ScenarioCodes.UNKNOWN_RULE);
        assertThat(d.line()).isEqualTo(23);
        assertThat(d.column()).isEqualTo(13);
        assertThat(d.message()).isEqualTo("no loaded rules file defines the rule 'Read sensitive file untrustd'."
                + " Did you mean 'Read sensitive file untrusted'?");
        Diagnostic absent = onlyError(VALID.replace("- rule: Write below test directory", "- rule: Write below tmp"));
        assertThat(absent.code()).isEqualTo(ScenarioCodes.UNKNOWN_RULE);
        assertThat(absent.line()).isEqualTo(32);
    }

    @Test
    void badOperatorsAreErrors() {
        Diagnostic unknown = onlyError(VALID.replace("{ contains: shadow }", "{ contain: shadow }"));
        assertThat(unknown.code()).isEqualTo(ScenarioCodes.BAD_OPERATOR);
        assertThat(unknown.line()).isEqualTo(28);
        assertThat(unknown.message()).contains("unknown operator 'contain' for field proc.cmdline").contains("Did you mean 'contains'?");
        Diagnostic two = onlyError(VALID.replace("{ contains: shadow }", "{ contains: shadow, equals: x }"));
        assertThat(two.code()).isEqualTo(ScenarioCodes.BAD_OPERATOR);
        assertThat(two.message()).startsWith("field proc.cmdline needs exactly one operator");
        Diagnostic exists = onlyError(VALID.replace("{ exists: true }", "{ exists: maybe }"));
        assertThat(exists.code()).isEqualTo(ScenarioCodes.BAD_OPERATOR);
        assertThat(exists.message()).isEqualTo("exists takes true or false, not 'maybe'");
        Diagnostic regex = onlyError(VALID.replace("\"^-?[0-9]+$\"", "\"^([0-9\""));
        assertThat(regex.code()).isEqualTo(ScenarioCodes.BAD_REGEX);
        assertThat(regex.line()).isEqualTo(30);
    }

    @Test
    void unknownFieldsAndStepsAreErrors() {
        Diagnostic field = onlyError(VALID.replace("fd.name: { equals", "fd.nam: { equals"));
        assertThat(field.code()).isEqualTo(ScenarioCodes.UNKNOWN_FIELD);
        assertThat(field.line()).isEqualTo(27);
        assertThat(field.message()).startsWith("unknown field fd.nam").contains("fd.name");
        Diagnostic step = onlyError(VALID.replace("step: read", "step: raed"));
        assertThat(step.code()).isEqualTo(ScenarioCodes.UNKNOWN_STEP);
        assertThat(step.message()).isEqualTo("no step 'raed' in this scenario (steps: read, link). Did you mean 'read'?");
    }

    @Test
    void idsGroupsValuesAndYamlSyntax() {
        Diagnostic id = onlyError(VALID.replace("id: demo", "id: other"));
        assertThat(id.code()).isEqualTo(ScenarioCodes.BAD_ID);
        assertThat(id.line()).isEqualTo(1);
        assertThat(id.message()).contains("rename the file to other.yaml");
        Diagnostic group = onlyError(VALID.replace("group: lab", "group: labs"));
        assertThat(group.code()).isEqualTo(ScenarioCodes.BAD_VALUE);
        assertThat(group.message()).contains("Did you mean 'lab'?");
        Diagnostic exit = onlyError(VALID.replace("exit: any", "exit: maybe"));
        assertThat(exit.code()).isEqualTo(ScenarioCodes.BAD_VALUE);
        assertThat(exit.line()).isEqualTo(19);
        Diagnostic command = onlyError(VALID.replace("    run: [cat, /etc/shadow]\n", ""));
        assertThat(command.code()).isEqualTo(ScenarioCodes.STEP_COMMAND);
        Diagnostic yaml = onlyError(VALID.replace("story:\n", "story: [\n"));
        assertThat(yaml.code()).isEqualTo(ScenarioCodes.YAML);
        assertThat(yaml.line()).isGreaterThan(0);
        assertThat(yaml.message()).startsWith("not valid YAML");
        Diagnostic missing = onlyError(VALID.replace("group: lab\n", ""));
        assertThat(missing.code()).isEqualTo(ScenarioCodes.MISSING_KEY);
        assertThat(missing.message()).isEqualTo("missing key 'group'");
    }

    @Test
    void upstreamRulesResolveBesideTheRepositoryAndWarnWhenAbsent() {
        var r = load(VALID.replace("- rules/lab.yaml", "- upstream:falco_rules.yaml"));
        // the temp root has no ../shared: a warning, and the rule names cannot be checked
        assertThat(r.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(ScenarioCodes.UPSTREAM_ABSENT);
            assertThat(d.isError()).isFalse();
        });
        Scenario s = r.scenario().orElseThrow();
        assertThat(s.rules().get(0).path()).isEqualTo(root.getParent().resolve("shared/falco-upstream/falco_rules.yaml"));
    }

    @Test
    void aDirectoryLoadsSortedAndKeepsGoodFilesNextToBadOnes() throws Exception {
        Files.writeString(scenarios.resolve("demo.yaml"), VALID);
        Files.writeString(scenarios.resolve("broken.yaml"), "id: broken\ngroup: lab\nbogus: 1\n");
        ScenarioCatalog c = loader.loadDirectory(scenarios);
        assertThat(c.scenarios()).extracting(Scenario::id).containsExactly("demo");
        assertThat(c.hasErrors()).isTrue();
        assertThat(c.diagnostics()).allSatisfy(d -> assertThat(d.file()).endsWith("broken.yaml"));
        assertThat(c.diagnostics()).anySatisfy(d -> {
            assertThat(d.code()).isEqualTo(ScenarioCodes.UNKNOWN_KEY);
            assertThat(d.line()).isEqualTo(3);
        });
    }
}
