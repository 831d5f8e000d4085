package dev.falconet.rules.load;

import java.util.List;

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

    static String joined(List<String> items) {
        StringBuilder sb = new StringBuilder();
        for (String v : items) {
            if (!sb.isEmpty()) sb.append(", ");
            sb.append(ExceptionExpander.quote(v));
        }
        return sb.toString();
    }
}
