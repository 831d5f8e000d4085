package dev.falconet.rules.load;

import dev.falconet.rules.load.Item.ExceptionSpec;
import dev.falconet.rules.load.Item.ExceptionValue;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Stage 4: a rule's exceptions written into its condition text, character for character as Falco builds
 * it: {@code (cond) and not (fragment) ...}. Runs before list substitution, so list names inside exception
 * values are expanded afterwards. The quoting is Falco's naive one (a value with a space and no leading
 * quote gets double quotes), so values with quotes, commas or parentheses can break the condition there too.
 */
final class ExceptionExpander {
    private ExceptionExpander() {}

    /** The expanded condition, or an error message with the exception it concerns. */
    record Expansion(TracedText condition, Set<String> exceptionFields, String error, SourceSpan errorAt) {}

    static Expansion expand(TracedText condition, List<ExceptionSpec> exceptions, SourceSpan conditionAt) {
        TracedText.Builder b = new TracedText.Builder();
        b.appendFixed("(", conditionAt).append(condition).appendFixed(")", conditionAt);
        Set<String> fields = new TreeSet<>();
        for (ExceptionSpec ex : exceptions) {
            StringBuilder icond = new StringBuilder();
            if (!ex.fields().isList()) {
                for (ExceptionValue val : ex.values()) {
                    if (val.isList()) {
                        return new Expansion(null, fields, "Expected values array to contain a list of strings", ex.at());
                    }
                    icond.append(icond.isEmpty() ? "(" + ex.fields().item() + " " + ex.comps().item() + " (" : ", ");
                    fields.add(ex.fields().item());
                    icond.append(quote(val.item()));
                }
                if (!icond.isEmpty()) icond.append("))");
            } else {
                List<ExceptionValue> fs = ex.fields().items();
                List<ExceptionValue> comps = ex.comps().items();
                icond.append("(");
                for (ExceptionValue tuple : ex.values()) {
                    List<ExceptionValue> vs = tuple.isList() ? tuple.items() : List.of();
                    if (fs.size() != vs.size()) {
                        return new Expansion(null, fields, "Fields and values lists must have equal length", ex.at());
                    }
                    if (icond.length() > 1) icond.append(" or ");
                    icond.append("(");
                    for (int k = 0; k < fs.size(); k++) {
                        if (k > 0) icond.append(" and ");
                        ExceptionValue v = vs.get(k);
                        String istr;
                        if (v.isList()) {
                            StringBuilder l = new StringBuilder("(");
                            for (ExceptionValue e : v.items()) {
                                if (l.length() > 1) l.append(", ");
                                l.append(quote(e.isList() ? "" : e.item()));
                            }
                            istr = l.append(")").toString();
                        } else if (RuleCollection.isListOperator(comps.get(k).item())) {
                            istr = paren(v.item());
                        } else {
                            istr = quote(v.item());
                        }
                        String field = fs.get(k).isList() ? "" : fs.get(k).item();
                        icond.append(' ').append(field).append(' ').append(comps.get(k).item()).append(' ').append(istr);
                        fields.add(field);
                    }
                    icond.append(")");
                }
                icond.append(")");
                if (icond.toString().equals("()")) icond.setLength(0);
            }
            if (!icond.isEmpty()) b.appendFixed(" and not " + icond, ex.at());
        }
        return new Expansion(b.build(), fields, null, null);
    }

    /** Falco's quote_item: double quotes around a value with a space that does not start with a quote. */
    static String quote(String e) {
        if (e.indexOf(' ') >= 0 && !e.isEmpty() && e.charAt(0) != '"' && e.charAt(0) != '\'') return '"' + e + '"';
        return e;
    }

    /** Falco's paren_item: parentheses around a value that does not start with one. */
    static String paren(String e) {
        return !e.isEmpty() && e.charAt(0) == '(' ? e : "(" + e + ")";
    }
}
