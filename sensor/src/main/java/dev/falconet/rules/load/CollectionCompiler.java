package dev.falconet.rules.load;

import dev.falconet.rules.ast.Expr;
import dev.falconet.rules.load.RuleCollection.ListState;
import dev.falconet.rules.load.RuleCollection.MacroState;
import dev.falconet.rules.load.RuleCollection.RuleState;
import dev.falconet.rules.parse.ConditionParser;
import dev.falconet.rules.parse.ParseResult;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stages 4 to 8 over the whole collection, as Falco's rule_loader compiler: flatten lists; substitute lists
 * into each macro condition and parse it; resolve macros in definition order, each seeing only macros first
 * defined before its own latest (re)definition; then, for each rule, expand exceptions, substitute lists,
 * parse and resolve against all macros; finally report unused macros and lists. Unlike Falco it does not
 * stop at the first error: a broken macro or rule is reported and left without a tree.
 */
final class CollectionCompiler {
    /**
     * Deepest nesting of macro uses allowed (upstream rules need fewer than ten). Deeper chains are refused so
     * that what walks the resolved trees cannot run out of stack.
     */
    static final int MAX_MACRO_NESTING = 500;

    /** Parse results by condition text, shared by the passes of one load. */
    private final Map<String, ParseResult> parseCache = new HashMap<>();
    /** Words of condition texts, shared by the passes of one load. */
    private final Map<String, String[]> wordCache = new HashMap<>();

    /** The compiled collection; errors go to {@code errors}, unused-item warnings to {@code unused}. */
    record Output(List<LoadedRule> rules, List<LoadedMacro> macros, List<LoadedList> lists) {}

    private static final class CompiledList {
        final ListState state;
        final List<String> items;
        boolean used;

        CompiledList(ListState state, List<String> items) {
            this.state = state;
            this.items = items;
        }
    }

    private static final class CompiledMacro implements MacroResolver.MacroDef {
        final MacroState state;
        final TracedText text;
        Expr tree;
        boolean failed;
        boolean used;
        int nesting;

        CompiledMacro(MacroState state, TracedText text) {
            this.state = state;
            this.text = text;
        }

        public String name() {
            return state.name;
        }

        public Expr tree() {
            return tree;
        }

        public TracedText text() {
            return text;
        }

        public boolean failed() {
            return failed;
        }

        public int nesting() {
            return nesting;
        }
    }

    Output compile(RuleCollection col, DiagnosticSink errors, DiagnosticSink unused) {
        List<CompiledList> lists = compileLists(col);
        ListTable table = new ListTable(lists);
        Map<String, CompiledMacro> macros = compileMacros(col, table, errors);
        List<LoadedRule> rules = compileRules(col, table, macros, errors);

        List<LoadedMacro> outMacros = new ArrayList<>();
        for (CompiledMacro m : macros.values()) {
            if (!m.used) {
                unused.warning(LoadCodes.UNUSED_MACRO, m.state.at, "macro '" + m.name() + "'",
                        "Macro not referred to by any other rule/macro");
            }
            outMacros.add(new LoadedMacro(m.name(), m.text.text(), m.failed ? null : m.tree, m.state.at,
                    m.state.conditionAt, m.text, m.used));
        }
        List<LoadedList> outLists = new ArrayList<>();
        for (CompiledList l : lists) {
            if (!l.used) {
                unused.warning(LoadCodes.UNUSED_LIST, l.state.at, "list '" + l.state.name + "'",
                        "List not referred to by any other rule/macro");
            }
            outLists.add(new LoadedList(l.state.name, l.items, l.state.at, l.used));
        }
        return new Output(rules, outMacros, outLists);
    }

    /** An item naming a list defined before this list's latest definition is replaced by that list's items. */
    private static List<CompiledList> compileLists(RuleCollection col) {
        List<CompiledList> out = new ArrayList<>();
        Set<String> referenced = new HashSet<>();
        for (ListState l : col.lists()) {
            List<String> items = new ArrayList<>();
            for (String item : l.items) {
                ListState ref = col.list(item);
                if (ref != null && ref.index < l.visibility) {
                    referenced.add(ref.name);
                    items.addAll(ref.items);
                } else {
                    items.add(item);
                }
            }
            out.add(new CompiledList(l, List.copyOf(items)));
        }
        for (CompiledList c : out) if (referenced.contains(c.state.name)) c.used = true;
        return out;
    }

    /**
     * Every list substituted in definition order, each into the result of the previous ones (as Falco). A list
     * whose name has no delimiter in it can only change a text where the name is a whole word, so instead of
     * trying each of the hundreds of lists on the text, this takes the lists named by the text's words, in
     * order, adding those named by the items a substitution brings in: the same substitutions.
     */
    private TracedText substituteLists(TracedText text, ListTable lists) {
        BitSet candidates = (BitSet) lists.otherNames.clone();
        for (String w : words(text.text())) {
            Integer i = lists.byWordName.get(w);
            if (i != null) candidates.set(i);
        }
        TracedText t = text;
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
            CompiledList l = lists.ordered.get(i);
            TracedText r = ListSubstitution.apply(t, l.state.name, l.items);
            if (r != t) {
                l.used = true;
                t = r;
                candidates.or(lists.namedByItems(i));
            }
        }
        return t;
    }

    /** The words of a text ({@link ListSubstitution#words}); each condition is substituted again at every pass. */
    private String[] words(String text) {
        String[] w = wordCache.get(text);
        if (w == null) {
            w = ListSubstitution.words(text).toArray(new String[0]);
            wordCache.put(text, w);
        }
        return w;
    }

    /** The lists of one pass in definition order, by name. */
    private static final class ListTable {
        final List<CompiledList> ordered;
        /** Positions of the lists whose names are single words ({@link ListSubstitution#isWord}). */
        final Map<String, Integer> byWordName = new HashMap<>();
        /** Positions of the other lists: tried on every text. */
        final BitSet otherNames = new BitSet();
        private final BitSet[] namedByItems;

        ListTable(List<CompiledList> ordered) {
            this.ordered = ordered;
            for (int i = 0; i < ordered.size(); i++) {
                String name = ordered.get(i).state.name;
                if (ListSubstitution.isWord(name)) byWordName.put(name, i);
                else otherNames.set(i);
            }
            namedByItems = new BitSet[ordered.size()];
        }

        /** The later lists named by words of list {@code i}'s substituted items: they apply to the text next. */
        BitSet namedByItems(int i) {
            BitSet b = namedByItems[i];
            if (b == null) {
                b = new BitSet();
                CompiledList l = ordered.get(i);
                for (String w : ListSubstitution.words(ListSubstitution.joined(l.items))) {
                    Integer j = byWordName.get(w);
                    if (j != null && j > i) b.set(j);
                }
                namedByItems[i] = b;
            }
            return b;
        }
    }

    private ParseResult parse(String text) {
        ParseResult r = parseCache.get(text);
        if (r == null) {
            r = ConditionParser.parse(text);
            parseCache.put(text, r);
        }
        return r;
    }

    private Map<String, CompiledMacro> compileMacros(RuleCollection col, ListTable lists, DiagnosticSink errors) {
        Map<String, CompiledMacro> out = new LinkedHashMap<>();
        for (MacroState m : col.macros()) {
            CompiledMacro c = new CompiledMacro(m, substituteLists(m.condition.text(), lists));
            ParseResult r = parse(c.text.text());
            if (r.ok()) {
                c.tree = r.expr();
            } else {
                c.failed = true;
                errors.error(LoadCodes.COMPILE_CONDITION, c.text.locate(r.error().pos().offset()),
                        "macro '" + m.name + "'", r.error().message());
            }
            out.put(m.name, c);
        }
        for (CompiledMacro c : out.values()) {
            if (c.failed) continue;
            int visibility = c.state.visibility;
            MacroResolver.Result r = MacroResolver.resolve(c.tree, c.text, name -> {
                CompiledMacro m = out.get(name);
                return m != null && m.state.index < visibility ? m : null;
            });
            markUsed(out, r);
            if (r.ok() && r.nesting() > MAX_MACRO_NESTING) {
                c.failed = true;
                errors.error(LoadCodes.VALIDATE, c.state.at, "macro '" + c.name() + "'",
                        "Macros are nested more than " + MAX_MACRO_NESTING + " levels deep");
            } else if (r.ok()) {
                c.tree = r.tree();
                c.nesting = r.nesting();
            } else {
                c.failed = true;
                report(r, "macro '" + c.name() + "'", errors);
            }
        }
        return out;
    }

    private List<LoadedRule> compileRules(RuleCollection col, ListTable lists,
                                          Map<String, CompiledMacro> macros, DiagnosticSink errors) {
        List<LoadedRule> out = new ArrayList<>();
        for (RuleState r : col.rules()) {
            if (r.unknownSource) continue;
            String label = "rule '" + r.name + "'";
            TracedText text = r.condition.text();
            Set<String> exceptionFields = Set.of();
            Expr tree = null;
            boolean ok = true;
            if (!r.exceptions.isEmpty()) {
                ExceptionExpander.Expansion x = ExceptionExpander.expand(text, r.exceptions, r.conditionAt);
                if (x.error() != null) {
                    errors.error(LoadCodes.VALIDATE, x.errorAt(), label, x.error());
                    ok = false;
                } else {
                    text = x.condition();
                    exceptionFields = x.exceptionFields();
                }
            }
            if (ok) {
                text = substituteLists(text, lists);
                ParseResult p = parse(text.text());
                if (!p.ok()) {
                    errors.error(LoadCodes.COMPILE_CONDITION, text.locate(p.error().pos().offset()), label,
                            p.error().message());
                } else {
                    MacroResolver.Result m = MacroResolver.resolve(p.expr(), text, macros::get);
                    markUsed(macros, m);
                    if (m.ok() && m.nesting() > MAX_MACRO_NESTING) {
                        errors.error(LoadCodes.VALIDATE, r.at, label,
                                "Macros are nested more than " + MAX_MACRO_NESTING + " levels deep");
                    } else if (m.ok()) {
                        tree = m.tree();
                    } else {
                        report(m, label, errors);
                    }
                }
            }
            out.add(new LoadedRule(r.name, r.desc.toString(), r.output.toString(), r.priority, List.copyOf(r.tags), r.source, r.enabled,
                    r.warnEvttypes, r.skipIfUnknownFilter, r.capture, r.captureDuration, text.text(), tree,
                    exceptionFields, r.at, r.conditionAt, r.outputAt, text));
        }
        return out;
    }

    private static void markUsed(Map<String, CompiledMacro> macros, MacroResolver.Result r) {
        for (String n : r.used()) {
            CompiledMacro m = macros.get(n);
            if (m != null) m.used = true;
        }
    }

    /** Loops first (as Falco), else every undefined name once, else the broken macros used. */
    private static void report(MacroResolver.Result r, String label, DiagnosticSink errors) {
        List<MacroResolver.Problem> problems = !r.loops().isEmpty() ? r.loops()
                : !r.unknown().isEmpty() ? r.unknown() : r.broken();
        Set<String> seen = new HashSet<>();
        for (MacroResolver.Problem p : problems) {
            if (seen.add(p.message())) {
                errors.error(LoadCodes.VALIDATE, p.text().locate(p.at().offset()), label, p.message());
            }
        }
    }
}
