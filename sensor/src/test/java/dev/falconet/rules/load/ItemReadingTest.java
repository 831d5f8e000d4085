package dev.falconet.rules.load;

import static dev.falconet.rules.load.Loading.codes;
import static dev.falconet.rules.load.Loading.errors;
import static dev.falconet.rules.load.Loading.load;
import static dev.falconet.rules.load.Loading.rule;
import static dev.falconet.rules.load.Loading.warnings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.falconet.rules.diag.Diagnostic;
import org.junit.jupiter.api.Test;

/** B.1/B.2: document shape, item kinds, unknown keys, value decoding, version requirements. */
class ItemReadingTest {

    @Test
    void unknownKeysAreWarningsWithSuggestions() {
        LoadResult r = load(rule("R", "evt.type=open") + "  tgas: [a]\n  enabeld: false\n  colour: red\n");
        assertThat(errors(r)).isEmpty();
        assertThat(warnings(r)).containsExactly(
                "Unknown key 'tgas'. The key will be ignored. Did you mean 'tags'?",
                "Unknown key 'enabeld'. The key will be ignored. Did you mean 'enabled'?",
                "Unknown key 'colour'. The key will be ignored.");
        assertThat(codes(r)).containsOnly(LoadCodes.UNKNOWN_KEY);
        Diagnostic d = r.diagnostics().getFirst();
        assertThat(d.item()).isEqualTo("rule 'R'");
        assertThat(d.line()).isEqualTo(6);
        assertThat(d.column()).isEqualTo(3);

        r = load("- macro: m\n  condition: evt.type=open\n  conditon: x\n- rule: R\n  desc: d\n  condition: m\n  output: o\n  priority: INFO\n");
        assertThat(warnings(r)).containsExactly("Unknown key 'conditon'. The key will be ignored. Did you mean 'condition'?");
        r = load(rule("R", "evt.type=open") + "  exceptions:\n    - name: e\n      field: proc.name\n      fields: proc.name\n      values: [a]\n");
        assertThat(warnings(r)).containsExactly("Unknown key 'field'. The key will be ignored. Did you mean 'fields'?");
    }

    @Test
    void unknownTopLevelItems() {
        LoadResult r = load("- rulez: R\n  desc: d\n- foo: bar\n" + rule("R", "evt.type=open"));
        assertThat(errors(r)).isEmpty();
        assertThat(warnings(r)).containsExactly("Unknown top level item. Did you mean 'rule'?", "Unknown top level item");
        assertThat(codes(r)).containsOnly(LoadCodes.UNKNOWN_ITEM);
        assertThat(r.rules()).hasSize(1);
    }

    @Test
    void documentShapes() {
        assertThat(errors(load("rule: R\n"))).containsExactly("Rules content is not yaml array of objects");
        assertThat(errors(load("just text\n"))).containsExactly("Rules content is not yaml");
        assertThat(errors(load("- just a string\n" + rule("R", "evt.type=open"))))
                .containsExactly("Unexpected element type. Each element should be a yaml associative array.");
        LoadResult r = load("");
        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.rules()).isEmpty();
        r = load("# only a comment\n---\n---\n-\n- ~\n" + rule("A", "evt.type=open") + "---\n" + rule("B", "evt.type=close"));
        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.rules()).extracting(LoadedRule::name).containsExactly("A", "B");
    }

    @Test
    void brokenItemsAreSkippedAndTheRestLoads() {
        LoadResult r = load(rule("A", "evt.type=open") + "- rule: B\n  desc: d\n" + "- list: [x]\n  items: [a]\n"
                + rule("C", "evt.type=close") + "  priority: LOUD\n" + rule("D", "evt.type=read"));
        assertThat(errors(r)).containsExactly("Item has no mapping for key 'condition'", "Item has no mapping for key 'output'",
                "Item has no mapping for key 'priority'", "Value is not a scalar value");
        assertThat(codes(r)).containsOnlyOnce(LoadCodes.DUPLICATE_KEY);
        assertThat(r.rules()).extracting(LoadedRule::name).containsExactly("A", "C", "D");
    }

    @Test
    void booleansAsYamlCppReadsThem() {
        for (String f : new String[] {"false", "False", "FALSE", "no", "No", "off", "OFF", "n", "N"}) {
            assertThat(load(rule("R", "evt.type=open") + "  enabled: " + f + "\n").rule("R").orElseThrow().enabled()).as(f).isFalse();
        }
        for (String t : new String[] {"true", "yes", "on", "y", "Y", "ON", "True"}) {
            assertThat(load(rule("R", "evt.type=open") + "  enabled: " + t + "\n").rule("R").orElseThrow().enabled()).as(t).isTrue();
        }
        assertThat(errors(load(rule("R", "evt.type=open") + "  enabled: tRUE\n"))).containsExactly("Can't decode YAML scalar value");
        assertThat(errors(load(rule("R", "evt.type=open") + "  enabled: 1\n"))).containsExactly("Can't decode YAML scalar value");
    }

    @Test
    void namesAreTextEvenWhenTheyLookLikeNumbers() {
        LoadResult r = load(rule("42", "evt.type=open") + rule("1.5", "evt.type=open"));
        assertThat(r.rules()).extracting(LoadedRule::name).containsExactly("42", "1.5");
    }

    @Test
    void duplicateKeysKeepTheFirstValue() {
        LoadResult r = load(rule("R", "evt.type=open") + "  priority: ERROR\n");
        assertThat(codes(r)).containsExactly(LoadCodes.DUPLICATE_KEY);
        assertThat(r.rule("R").orElseThrow().priority()).isEqualTo(dev.falconet.rules.Priority.WARNING);
    }

    @Test
    void invalidListAndMacroNamesAreWarnings() {
        LoadResult r = load("- list: \"a b\"\n  items: [x]\n- macro: my-macro\n  condition: evt.type=open\n"
                + rule("R", "proc.name in (a b)"));
        assertThat(codes(r)).contains(LoadCodes.INVALID_LIST_NAME, LoadCodes.INVALID_MACRO_NAME);
        assertThat(warnings(r)).contains("List has an invalid name. List names should match a regular expression: ([^()\"'[:space:]=,]+)",
                "Macro has an invalid name. Macro names should match a regular expression: ([a-zA-Z]+[a-zA-Z0-9_]*)");
    }

    @Test
    void requiredEngineVersion() {
        assertThat(load("- required_engine_version: 10\n").requiredEngineVersion()).isEqualTo("0.10.0");
        assertThat(load("- required_engine_version: 0.57.0\n- required_engine_version: 3\n").requiredEngineVersion()).isEqualTo("0.57.0");
        assertThat(load("- required_engine_version: 62\n").diagnostics()).isEmpty();
        assertThat(errors(load("- required_engine_version: 99\n")))
                .containsExactly("Rules require engine version 0.99.0, but engine version is " + EngineInfo.ENGINE_VERSION);
        assertThat(errors(load("- required_engine_version: 1.0.0\n")))
                .containsExactly("Rules require engine version 1.0.0, but engine version is 0.62.0");
        assertThat(errors(load("- required_engine_version: abc\n")))
                .containsExactly("Unable to parse engine version 'abc' as a semver string. Expected \"x.y.z\" semver format.");
        assertThat(codes(load("- required_engine_version: abc\n"))).containsExactly(LoadCodes.YAML_VALIDATE);
        assertThat(codes(load("- required_engine_version: 99\n"))).containsExactly(LoadCodes.VALIDATE);
    }

    @Test
    void requiredPluginVersions() {
        assertThat(load("- required_plugin_versions:\n  - name: container\n    version: 0.4.0\n  - name: k8smeta\n    version: 0.1.0\n")
                .diagnostics()).isEmpty();
        assertThat(errors(load("- required_plugin_versions:\n  - name: container\n    version: 1.0.0\n")))
                .containsExactly("Plugin 'container' version '0.4.1' is not compatible with required plugin version '1.0.0'");
        assertThat(errors(load("- required_plugin_versions:\n  - name: k8saudit\n    version: 0.1.0\n")))
                .containsExactly("Plugin 'k8saudit' is required but not loaded (built in: container, k8smeta)");
        assertThat(load("- required_plugin_versions:\n  - name: k8saudit\n    version: 0.1.0\n    alternatives:\n      - name: k8smeta\n        version: 0.1.0\n")
                .diagnostics()).isEmpty();
        assertThat(errors(load("- required_plugin_versions:\n  - name: container\n    version: x.y\n")))
                .containsExactly("Invalid required version 'x.y' for plugin 'container'");
        assertThat(errors(load("- required_plugin_versions: container\n")))
                .containsExactly("Value of required_plugin_versions must be a sequence");
        assertThat(errors(load("- required_plugin_versions:\n  - container\n"))).containsExactly("Plugin version must be a mapping");
        assertThat(errors(load("- required_plugin_versions:\n  - name: container\n")))
                .containsExactly("Item has no mapping for key 'version'");
    }
}
