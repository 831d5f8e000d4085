package dev.falconet.app.scenario;

import dev.falconet.app.rules.ExplainLine;
import dev.falconet.engine.explain.ExplainNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where the checks of an explanation tree appear in the rule's YAML, so the page can colour the parts of the
 * condition that held (true), failed (false) or were never evaluated. Macros are marked by name; a check is
 * marked where its text appears verbatim (a check written differently in the file stays unmarked, and the
 * tree below the YAML still shows it).
 */
public final class ConditionMarks {
    private ConditionMarks() {}

    /** A marked range of the YAML text. */
    public record Mark(int start, int end, ExplainNode.Outcome outcome, boolean decisive) {}

    /** The marks, sorted and not overlapping; only inside the {@code condition:} part of the YAML. */
    public static List<Mark> of(String yaml, List<ExplainLine> lines) {
        int from = yaml.indexOf("condition:");
        if (from < 0) return List.of();
        int to = nextKey(yaml, from + "condition:".length());
        List<Mark> marks = new ArrayList<>();
        for (ExplainLine l : lines) {
            if (l.kind() != ExplainNode.Kind.CHECK && l.kind() != ExplainNode.Kind.MACRO) continue;
            String t = l.text();
            if (t == null || t.isBlank()) continue;
            int at = from;
            while ((at = yaml.indexOf(t, at)) >= 0 && at < to) {
                int s = at, e = at + t.length();
                boolean word = (s == 0 || !isWord(yaml.charAt(s - 1))) && (e >= yaml.length() || !isWord(yaml.charAt(e)));
                if (word && marks.stream().noneMatch(m -> s < m.end() && m.start() < e)) {
                    marks.add(new Mark(s, e, l.outcome(), l.decisive()));
                    break;
                }
                at = e;
            }
        }
        marks.sort(Comparator.comparingInt(Mark::start));
        return marks;
    }

    /** The end of the condition's value: the next line that starts another key of the rule. */
    private static int nextKey(String yaml, int from) {
        int i = from;
        while (true) {
            int nl = yaml.indexOf('\n', i);
            if (nl < 0) return yaml.length();
            int j = nl + 1;
            // "  output:" at the rule's indentation (2 spaces): a key, not a continuation line
            if (yaml.startsWith("  ", j) && j + 2 < yaml.length() && Character.isLetter(yaml.charAt(j + 2))) {
                int colon = yaml.indexOf(':', j);
                int eol = yaml.indexOf('\n', j);
                if (colon > 0 && (eol < 0 || colon < eol) && yaml.substring(j + 2, colon).matches("[a-z_]+")) return nl;
            }
            i = j;
        }
    }

    private static boolean isWord(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.';
    }
}
