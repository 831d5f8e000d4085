package dev.falconet.rules.load;

import static dev.falconet.rules.load.Loading.errors;
import static dev.falconet.rules.load.Loading.load;
import static dev.falconet.rules.load.Loading.rule;
import static dev.falconet.rules.load.Loading.warnings;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** B.4: exceptions read, checked and written into the condition text exactly as Falco does. */
class ExceptionsTest {
    static final String R = rule("R", "evt.type=open");

    static Stream<Arguments> texts() {
        return Stream.of(
                // the example of B.4, spacing exactly as the loader builds it
                Arguments.of("""
                          exceptions:
                            - name: pkg
                              fields: [proc.name, fd.directory]
                              comps: [=, in]
                              values:
                                - [apk, [/usr/lib, /lib]]
                                - [npm, /usr/node]
                        """,
                        "(evt.type=open) and not (( proc.name = apk and  fd.directory in (/usr/lib, /lib)) or ( proc.name = npm and  fd.directory in (/usr/node)))"),
                Arguments.of("""
                          exceptions:
                            - name: single
                              fields: proc.name
                              values: [a, b c, "'d e'"]
                        """,
                        "(evt.type=open) and not (proc.name in (a, \"b c\", 'd e'))"),
                Arguments.of("""
                          exceptions:
                            - name: single_pmatch
                              fields: fd.name
                              comps: pmatch
                              values: [/tmp]
                        """,
                        "(evt.type=open) and not (fd.name pmatch (/tmp))"),
                Arguments.of("""
                          exceptions:
                            - name: default_comps_and_quoting
                              fields: [proc.name, proc.cmdline]
                              values:
                                - [a b, c]
                                - [x, y z]
                        """,
                        "(evt.type=open) and not (( proc.name = \"a b\" and  proc.cmdline = c) or ( proc.name = x and  proc.cmdline = \"y z\"))"),
                Arguments.of("""
                          exceptions:
                            - name: no_values
                              fields: [proc.name]
                            - name: empty_values
                              fields: proc.name
                              values: []
                        """,
                        "(evt.type=open)"),
                Arguments.of("""
                          exceptions:
                            - name: two
                              fields: proc.name
                              values: [a]
                            - name: three
                              fields: [proc.name, proc.pname]
                              comps: [startswith, " in "]
                              values: [[x, y]]
                        """,
                        "(evt.type=open) and not (proc.name in (a)) and not (( proc.name startswith x and  proc.pname in (y)))"),
                Arguments.of("  exceptions:\n", "evt.type=open"));
    }

    @ParameterizedTest
    @MethodSource("texts")
    void conditionTextIsBuiltExactly(String exceptions, String expected) {
        LoadResult r = load(R + exceptions);
        assertThat(errors(r)).isEmpty();
        assertThat(r.rule("R").orElseThrow().conditionText()).isEqualTo(expected);
        assertThat(r.rule("R").orElseThrow().condition()).isNotNull();
    }

    static Stream<Arguments> errorCases() {
        return Stream.of(
                Arguments.of("  exceptions:\n    - name: e\n      fields: proc.name\n      values: [[a, b]]\n",
                        "Expected values array to contain a list of strings"),
                Arguments.of("  exceptions:\n    - name: e\n      fields: [proc.name, fd.name]\n      values: [[a]]\n",
                        "Fields and values lists must have equal length"),
                Arguments.of("  exceptions:\n    - name: e\n      fields: [proc.name, fd.name]\n      comps: [=]\n      values: [[a, b]]\n",
                        "Fields and comps lists must have equal length"),
                Arguments.of("  exceptions:\n    - name: e\n      fields: [proc.name]\n      comps: [like]\n      values: [[a]]\n",
                        "'like' is not a supported comparison operator"),
                Arguments.of("  exceptions:\n    - name: e\n      fields: proc.name\n      comps: =\n      values: [a]\n",
                        "When fields is a single value, comps must be one of (in, pmatch, intersects)"),
                Arguments.of("  exceptions:\n    - name: e\n      fields: proc.name\n      comps: [in]\n      values: [a]\n",
                        "Fields and comps must both be strings"),
                Arguments.of("  exceptions:\n    - name: e\n      values: [a]\n",
                        "Item has no mapping for key 'fields'"),
                Arguments.of("  exceptions:\n    - fields: proc.name\n", "Item has no mapping for key 'name'"),
                Arguments.of("  exceptions: proc.name\n", "Rule exceptions must be a sequence"),
                Arguments.of("  exceptions:\n    - proc.name\n", "Rule exception must be a mapping"),
                Arguments.of("  exceptions:\n    - name: e\n      fields: proc.name\n      values: a\n",
                        "Rule exception values must be a sequence"),
                Arguments.of("  exceptions:\n    - name: e\n      fields:\n      values: [a]\n",
                        "Rule exception item must have fields property with a list of fields"));
    }

    @ParameterizedTest
    @MethodSource("errorCases")
    void errors_(String exceptions, String message) {
        assertThat(errors(load(R + exceptions))).containsExactly(message);
    }

    @Test
    void appendingValuesToAnExistingExceptionAndAddingNewOnes() {
        String base = R + "  exceptions:\n    - name: e\n      fields: proc.name\n      values: [a]\n";
        LoadResult r = load(base + """
                - rule: R
                  exceptions:
                    - name: e
                      values: [b]
                    - name: f
                      fields: [fd.name]
                      values: [[/x]]
                  override:
                    exceptions: append
                """);
        assertThat(errors(r)).isEmpty();
        assertThat(r.rule("R").orElseThrow().conditionText())
                .isEqualTo("(evt.type=open) and not (proc.name in (a, b)) and not (( fd.name = /x))");
        assertThat(r.rule("R").orElseThrow().exceptionFields()).containsExactlyInAnyOrder("proc.name", "fd.name");

        r = load(base + "- rule: R\n  exceptions:\n    - name: e\n      fields: fd.name\n      values: [b]\n  append: true\n");
        assertThat(errors(r)).containsExactly("Can not append exception fields to existing exception, only values");
        r = load(base + "- rule: R\n  exceptions:\n    - name: e\n      comps: pmatch\n      values: [b]\n  append: true\n");
        assertThat(errors(r)).containsExactly("Can not append exception comps to existing exception, only values");
        r = load(base + "- rule: R\n  exceptions:\n    - name: g\n      fields: fd.name\n  override:\n    exceptions: append\n");
        assertThat(errors(r)).containsExactly("Rule exception must have values property with a list of values");
        assertThat(warnings(r)).containsExactly("Overriding/appending exception with no values");

        r = load(base + "- rule: R\n  exceptions:\n    - name: z\n      fields: fd.name\n      values: [q]\n  override:\n    exceptions: replace\n");
        assertThat(r.rule("R").orElseThrow().conditionText()).isEqualTo("(evt.type=open) and not (fd.name in (q))");
    }

    @Test
    void repeatedExceptionNameIsAWarning() {
        LoadResult r = load(R + "  exceptions:\n    - name: e\n      fields: proc.name\n      values: [a]\n"
                + "    - name: e\n      fields: proc.name\n      values: [b]\n");
        assertThat(errors(r)).isEmpty();
        assertThat(warnings(r)).containsExactly("Multiple definitions of exception 'e' in the same rule");
    }

    @Test
    void listNamesInExceptionValuesAreExpandedAfterwards() {
        LoadResult r = load("- list: shells\n  items: [bash, sh]\n" + R
                + "  exceptions:\n    - name: e\n      fields: [proc.name]\n      comps: [in]\n      values: [[shells]]\n");
        assertThat(errors(r)).isEmpty();
        assertThat(r.rule("R").orElseThrow().conditionText())
                .isEqualTo("(evt.type=open) and not (( proc.name in ( bash, sh )))");
    }

    @Test
    void fieldCheckIsPluggable() {
        RulesLoader loader = new RulesLoader(f -> f.startsWith("proc."));
        LoadResult r = loader.load(java.util.List.of(new RulesSource("f.yaml",
                R + "  exceptions:\n    - name: e\n      fields: [proc.name, fd.nme]\n      values: [[a, b]]\n")));
        assertThat(errors(r)).containsExactly("'fd.nme' is not a supported filter field");
    }

    @Test
    void naiveQuotingCanBreakTheConditionLikeInFalco() {
        LoadResult r = load(R + "  exceptions:\n    - name: e\n      fields: proc.cmdline\n      values: [\"a,b\"]\n");
        assertThat(r.rule("R").orElseThrow().conditionText()).isEqualTo("(evt.type=open) and not (proc.cmdline in (a,b))");
        r = load(R + "  exceptions:\n    - name: e\n      fields: [proc.name]\n      values: [[\"(x)\"]]\n");
        assertThat(r.rule("R").orElseThrow().conditionText()).isEqualTo("(evt.type=open) and not (( proc.name = (x)))");
        assertThat(r.rule("R").orElseThrow().condition()).isNull();
        r = load(R + "  exceptions:\n    - name: e\n      fields: [proc.cmdline]\n      values: [[\"x=y\"]]\n");
        assertThat(r.rule("R").orElseThrow().condition()).isNull();
        assertThat(Loading.codes(r)).containsExactly(LoadCodes.COMPILE_CONDITION);
    }
}
