package dev.falconet.rules.load;

import static dev.falconet.rules.load.Loading.codes;
import static dev.falconet.rules.load.Loading.errors;
import static dev.falconet.rules.load.Loading.list;
import static dev.falconet.rules.load.Loading.load;
import static dev.falconet.rules.load.Loading.macro;
import static dev.falconet.rules.load.Loading.rule;
import static dev.falconet.rules.load.Loading.warnings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.falconet.rules.ast.Expr;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** B.5: textual list substitution and macro resolution, quirks included. */
class ListsAndMacrosTest {

    static Stream<Arguments> substitutions() {
        List<String> two = List.of("ash", "bash");
        return Stream.of(
                Arguments.of("proc.name in (shells, other)", two, "proc.name in ( ash, bash , other)"),
                Arguments.of("proc.name in (other,shells)", two, "proc.name in (other, ash, bash )"),
                Arguments.of("proc.name in shells", two, "proc.name in ash, bash "),
                Arguments.of("shells", two, "ash, bash "),
                Arguments.of("proc.name = shells", two, "proc.name = ash, bash "),
                Arguments.of("proc.name in (myshells, shellsx)", two, "proc.name in (myshells, shellsx)"),
                Arguments.of("fd.name = \"a shells b\"", two, "fd.name = \"a ash, bash b\""),
                Arguments.of("fd.name = \"shells\"", two, "fd.name = \"shells\""),
                Arguments.of("proc.name in (a, shells)", List.of(), "proc.name in (a  )"),
                Arguments.of("proc.name in (shells, b)", List.of(), "proc.name in (   b)"),
                Arguments.of("proc.name in (shells)", List.of(), "proc.name in (  )"),
                Arguments.of("proc.name in (shells)", List.of("a b", "'c d'", "\"e f\"", ""), "proc.name in ( \"a b\", 'c d', \"e f\",  )"),
                Arguments.of("proc.name in (shells) or proc.pname in (shells)", List.of("x"), "proc.name in ( x ) or proc.pname in ( x )"),
                Arguments.of("proc.name in (shells,shells)", List.of("x"), "proc.name in ( x , x )"),
                Arguments.of("proc.name in (shells)", List.of("shells"), "proc.name in ( shells )"));
    }

    @ParameterizedTest
    @MethodSource("substitutions")
    void substitutionTextIsExactlyFalcos(String condition, List<String> items, String expected) {
        TracedText t = TracedText.fixed(condition, SourceSpan.UNKNOWN);
        assertThat(ListSubstitution.apply(t, "shells", items).text()).isEqualTo(expected);
    }

    @Test
    void inWithoutParenthesesFailsForMultiItemListsOnly() {
        LoadResult r = load(list("shell_binaries", "[ash, bash, sh]") + rule("R", "proc.name in shell_binaries"));
        assertThat(codes(r)).containsExactly(LoadCodes.COMPILE_CONDITION);
        assertThat(errors(r).getFirst()).startsWith("unexpected token after 'ash'");
        assertThat(r.rule("R").orElseThrow().conditionText()).isEqualTo("proc.name in ash, bash, sh ");

        r = load(list("shell_binaries", "[ash]") + rule("R", "proc.name in shell_binaries"));
        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.rule("R").orElseThrow().condition()).isNotNull();

        // an empty list leaves "proc.name in  ": no value after 'in', so this fails too
        r = load(list("shell_binaries", "[]") + rule("R", "proc.name in shell_binaries"));
        assertThat(r.rule("R").orElseThrow().conditionText()).isEqualTo("proc.name in  ");
        assertThat(errors(r)).containsExactly("expected a list, a field with a valid transformer, or an identifier");
    }

    @Test
    void flatteningUsesEarlierListsOnlyOneLevelDeep() {
        // Falco's compile_list_infos copies the referenced list's own items: one level, and only lists
        // defined before this list's latest definition
        LoadResult r = load(list("a", "[x]") + list("b", "[a, y]") + list("c", "[b, z]") + list("d", "[e]") + list("e", "[w]")
                + rule("R", "proc.name in (c, d)"));
        assertThat(r.list("b").orElseThrow().items()).containsExactly("x", "y");
        assertThat(r.list("c").orElseThrow().items()).containsExactly("a", "y", "z");
        assertThat(r.list("d").orElseThrow().items()).containsExactly("e");
        // text substitution goes through the lists in order: 'a' from c is not substituted again,
        // while 'e' from d is, since e comes after d
        assertThat(r.rule("R").orElseThrow().conditionText()).isEqualTo("proc.name in ( a, y, z , w )");
        assertThat(r.lists()).allMatch(LoadedList::used);
    }

    @Test
    void aListDefinedLaterOrInALaterFileIsSubstituted() {
        LoadResult r = load(rule("R", "proc.name in (late)") + list("late", "[x]"));
        assertThat(r.diagnostics()).isEmpty();
        r = load(macro("m", "proc.name in (late2)") + rule("R", "m"), list("late2", "[y]"));
        assertThat(errors(r)).isEmpty();
        assertThat(r.macro("m").orElseThrow().conditionText()).isEqualTo("proc.name in ( y )");
    }

    @Test
    void literalScalarsStayText() {
        LoadResult r = load(list("l", "[yes, 1.0, on, 0x10, \"007\", 'a b', ~x]") + rule("R", "proc.name in (l)"));
        assertThat(r.list("l").orElseThrow().items()).containsExactly("yes", "1.0", "on", "0x10", "007", "a b", "~x");
        assertThat(errors(load(list("l", "[a, null]")))).containsExactly("sequence value is not scalar");
    }

    @Test
    void macrosOnlySeeMacrosDefinedBeforeThem() {
        // C.8 #35
        LoadResult r = load(macro("a", "b") + macro("b", "proc.name=x") + rule("R", "a"));
        assertThat(r.diagnostics()).extracting(d -> d.item() + ": " + d.message()).containsExactly(
                "macro 'a': Undefined macro 'b' used in filter.",
                "rule 'R': Macro 'a' has errors, so this condition cannot be compiled",
                "macro 'b': Macro not referred to by any other rule/macro");
        // the same reference from a rule is fine
        r = load(rule("R", "b") + macro("b", "proc.name=x"));
        assertThat(r.diagnostics()).isEmpty();
        // a redefinition moves the visibility: 'a' redefined after 'b' sees it
        r = load(macro("a", "proc.name=y") + macro("b", "proc.name=x") + macro("a", "b") + rule("R", "a"));
        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.rules().getFirst().condition()).isInstanceOf(Expr.MacroUse.class);
    }

    @Test
    void loopsAndSelfReferences() {
        LoadResult r = load(macro("a", "proc.name=x") + macro("b", "a") + macro("a", "b") + rule("R", "a"));
        assertThat(errors(r)).contains("reference loop in macro 'b'");
        r = load(macro("s", "s") + rule("R", "s"));
        assertThat(errors(r).getFirst()).isEqualTo("Undefined macro 's' used in filter.");
        r = load(macro("s", "proc.name=x") + macro("s", "s or proc.name=y") + rule("R", "s"));
        assertThat(errors(r).getFirst()).isEqualTo("reference loop in macro 's'");
    }

    @Test
    void unknownIdentifiersIncludingATrailingNot() {
        LoadResult r = load(rule("R", "proc.name = cat and not"));
        assertThat(errors(r)).containsExactly("Undefined macro 'not' used in filter.");
        assertThat(codes(r)).containsExactly(LoadCodes.VALIDATE);
        r = load(rule("R", "foo or bar or foo"));
        assertThat(errors(r)).containsExactly("Undefined macro 'foo' used in filter.", "Undefined macro 'bar' used in filter.");
    }

    @Test
    void resolvedTreeKeepsMacroNamesAndActsAsOneUnit() {
        LoadResult r = load(macro("m", "proc.name=a or proc.name=b") + macro("n", "m and evt.type=open") + rule("R", "not n"));
        Expr e = r.rule("R").orElseThrow().condition();
        assertThat(e).isInstanceOf(Expr.Not.class);
        Expr.MacroUse n = (Expr.MacroUse) ((Expr.Not) e).child();
        assertThat(n.name()).isEqualTo("n");
        Expr.And and = (Expr.And) n.body();
        assertThat(((Expr.MacroUse) and.children().getFirst()).body()).isInstanceOf(Expr.Or.class);
        assertThat(r.macros()).allMatch(LoadedMacro::used);
    }

    @Test
    void unusedMacrosAndListsAreWarnings() {
        LoadResult r = load(list("l1", "[a]") + list("l2", "[l1]") + macro("m1", "proc.name in (l2)") + macro("m2", "m1")
                + list("lonely", "[x]") + rule("R", "evt.type=open"));
        assertThat(r.diagnostics()).extracting(d -> d.code() + " " + d.item()).containsExactly(
                "LOAD_UNUSED_MACRO macro 'm2'", "LOAD_UNUSED_LIST list 'lonely'");
        assertThat(warnings(r)).containsExactly("Macro not referred to by any other rule/macro",
                "List not referred to by any other rule/macro");
    }

    @Test
    void unusedWarningsComeFromTheLastFileOnly() {
        LoadResult r = load(macro("m", "proc.name=x"), rule("R", "m"));
        assertThat(r.diagnostics()).isEmpty();
    }
}
