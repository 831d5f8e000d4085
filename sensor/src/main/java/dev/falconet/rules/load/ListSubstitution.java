package dev.falconet.rules.load;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Stage 5: Falco's textual list substitution (resolve_list), exactly: every occurrence of the list's name
 * bounded by start/end of text, a blank or one of {@code ( ) , =} is replaced, swallowing the blanks around
 * it, by {@code item1, item2, ...} (items with a space and no leading quote get double quotes; an empty list
 * also eats one neighbouring comma). Blind to context: names inside quoted strings are replaced too, and
 * {@code x in list} without parentheses becomes {@code x in a, b} and fails to parse for two or more items.
 *
 * <p>Falco rebuilds the whole string at each occurrence and resumes the search right after the inserted
 * text (one character later when the name was at the very start). This does the same in one left-to-right
 * pass: the text before the resume point is final except for blanks (and one comma) that a later
 * occurrence may swallow from its end, so it is kept in a builder that can be cut back.
 */
final class ListSubstitution {
    private static final String BLANKS = " \t\n\r";
    private static final String DELIMS = BLANKS + "(),=";

    private ListSubstitution() {}

    /** The text with {@code name} replaced, or the same instance when nothing was replaced. */
    static TracedText apply(TracedText cond, String name, List<String> items) {
        if (name.isEmpty()) return cond;
        String in = cond.text();
        int start = in.indexOf(name);
        if (start < 0) return cond;
        TracedText.Builder out = null;
        String sub = null;
        int copied = 0; // in[0, copied) is already in out
        while (start >= 0) {
            int end = start + name.length();
            boolean atTextStart = start == copied && (out == null || out.length() == 0);
            char before = start > copied ? in.charAt(start - 1) : out != null && out.length() > 0 ? out.charAt(out.length() - 1) : 0;
            if ((start == 0 || atTextStart || DELIMS.indexOf(before) >= 0)
                    && (end >= in.length() || DELIMS.indexOf(in.charAt(end)) >= 0)) {
                if (out == null) out = new TracedText.Builder();
                if (sub == null) sub = joined(items);
                out.append(cond, copied, start);
                int s = out.length();
                while (s > 0 && BLANKS.indexOf(out.charAt(s - 1)) >= 0) s--;
                while (end < in.length() && BLANKS.indexOf(in.charAt(end)) >= 0) end++;
                if (sub.isEmpty()) {
                    if (s > 0 && out.charAt(s - 1) == ',') {
                        s--;
                    } else if (end < in.length() && in.charAt(end) == ',') {
                        end++;
                    }
                }
                out.truncate(s);
                if (s > 0) out.appendPinned(" ", cond, start);
                out.appendPinned(sub + " ", cond, start);
                copied = end;
                start = in.indexOf(name, s > 0 ? end : end + 1);
            } else {
                start = in.indexOf(name, start + 1);
            }
        }
        if (out == null) return cond;
        out.append(cond, copied, in.length());
        return out.build();
    }

    /**
     * Whether {@link #apply} can only replace {@code name} where it is a whole word of the text ({@link #words}):
     * true when the name has no blank or delimiter in it, which is the case for every list name in practice.
     */
    static boolean isWord(String name) {
        if (name.isEmpty()) return false;
        for (int i = 0; i < name.length(); i++) if (isDelim(name.charAt(i))) return false;
        return true;
    }

    /**
     * The runs of characters between blanks and delimiters: a name without delimiters ({@link #isWord}) is
     * replaced by {@link #apply} if and only if it is one of them, so a set lookup tells which of the hundreds
     * of lists a condition can use without searching the text for each name.
     */
    static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        int start = -1;
        for (int i = 0, n = text.length(); i < n; i++) {
            if (isDelim(text.charAt(i))) {
                if (start >= 0) out.add(text.substring(start, i));
                start = -1;
            } else if (start < 0) {
                start = i;
            }
        }
        if (start >= 0) out.add(text.substring(start));
        return out;
    }

    private static boolean isDelim(char c) {
        return switch (c) {
            case ' ', '\t', '\n', '\r', '(', ')', ',', '=' -> true;
            default -> false;
        };
    }

    static String joined(List<String> items) {
        StringBuilder sb = new StringBuilder();
        for (String v : items) {
            if (!sb.isEmpty()) sb.append(", ");
            sb.append(ExceptionExpander.quote(v));
        }
        return sb.toString();
    }
}
