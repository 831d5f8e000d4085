package dev.falconet.rules.load;

/**
 * Stage 5: Falco's textual list substitution (resolve_list), exactly: every occurrence of the list's name
 * bounded by start/end of text, a blank or one of {@code ( ) , =} is replaced, swallowing the blanks around
 * it, by {@code item1, item2, ...} (items with a space and no leading quote get double quotes; an empty list
 * also eats one neighbouring comma). Blind to context: names inside quoted strings are replaced too, and
 * {@code x in list} without parentheses becomes {@code x in a, b} and fails to parse for two or more items.
 */
final class ListSubstitution {
    private static final String BLANKS = " \t\n\r";
    private static final String DELIMS = BLANKS + "(),=";

    private ListSubstitution() {}

    /** The text with {@code name} replaced, or the same instance when the name does not occur. */
    static TracedText apply(TracedText cond, String name, java.util.List<String> items) {
        if (name.isEmpty()) return cond;
        String cnd = cond.text();
        int start = cnd.indexOf(name);
        if (start < 0) return cond;
        String sub = null;
        TracedText current = cond;
        while (start >= 0) {
            int end = start + name.length();
            if ((start == 0 || DELIMS.indexOf(cnd.charAt(start - 1)) >= 0)
                    && (end >= cnd.length() || DELIMS.indexOf(cnd.charAt(end)) >= 0)) {
                int nameAt = start;
                while (start > 0 && BLANKS.indexOf(cnd.charAt(start - 1)) >= 0) start--;
                while (end < cnd.length() && BLANKS.indexOf(cnd.charAt(end)) >= 0) end++;
                if (sub == null) sub = joined(items);
                if (sub.isEmpty()) {
                    if (start > 0 && cnd.charAt(start - 1) == ',') {
                        start--;
                    } else if (end < cnd.length() && cnd.charAt(end) == ',') {
                        end++;
                    }
                }
                TracedText.Builder b = new TracedText.Builder();
                if (start > 0) b.append(current, 0, start).appendPinned(" ", current, nameAt);
                b.appendPinned(sub + " ", current, nameAt);
                if (end <= cnd.length()) b.append(current, end, cnd.length());
                current = b.build();
                cnd = current.text();
                start += sub.length() + 1;
            }
            start = cnd.indexOf(name, start + 1);
        }
        return current;
    }

    static String joined(java.util.List<String> items) {
        StringBuilder sb = new StringBuilder();
        for (String v : items) {
            if (!sb.isEmpty()) sb.append(", ");
            sb.append(ExceptionExpander.quote(v));
        }
        return sb.toString();
    }
}
