package dev.falconet.fields;

/**
 * Shell-style matching as fnmatch(3) does it without FNM_PATHNAME: {@code *} and {@code ?} also
 * match '/', {@code [abc]}, {@code [a-z]} and {@code [!x]} classes, backslash quotes the next character.
 */
final class Glob {
    private Glob() {}

    static boolean matches(String pattern, String text) {
        return match(pattern, 0, text, 0);
    }

    private static boolean match(String p, int pi, String s, int si) {
        int starP = -1;
        int starS = -1;
        while (si < s.length()) {
            if (pi < p.length()) {
                char c = p.charAt(pi);
                if (c == '*') {
                    starP = ++pi;
                    starS = si;
                    continue;
                }
                if (c == '?') {
                    pi++;
                    si++;
                    continue;
                }
                if (c == '[') {
                    int end = classEnd(p, pi);
                    if (end > 0) {
                        if (classMatches(p, pi + 1, end, s.charAt(si))) {
                            pi = end + 1;
                            si++;
                            continue;
                        }
                    } else if (s.charAt(si) == '[') {
                        pi++;
                        si++;
                        continue;
                    }
                } else {
                    if (c == '\\' && pi + 1 < p.length()) c = p.charAt(++pi);
                    if (c == s.charAt(si)) {
                        pi++;
                        si++;
                        continue;
                    }
                }
            }
            if (starP < 0) return false;
            pi = starP;
            si = ++starS;
        }
        while (pi < p.length() && p.charAt(pi) == '*') pi++;
        return pi == p.length();
    }

    /** Index of the ']' closing the class starting at {@code start}, or -1 when it is not a class. */
    private static int classEnd(String p, int start) {
        int i = start + 1;
        if (i < p.length() && (p.charAt(i) == '!' || p.charAt(i) == '^')) i++;
        if (i < p.length() && p.charAt(i) == ']') i++;
        while (i < p.length() && p.charAt(i) != ']') i++;
        return i < p.length() ? i : -1;
    }

    private static boolean classMatches(String p, int from, int end, char c) {
        boolean negate = p.charAt(from) == '!' || p.charAt(from) == '^';
        int i = negate ? from + 1 : from;
        boolean found = false;
        boolean first = true;
        while (i < end) {
            char lo = p.charAt(i);
            if (lo == ']' && !first) break;
            first = false;
            if (i + 2 < end && p.charAt(i + 1) == '-') {
                char hi = p.charAt(i + 2);
                if (c >= lo && c <= hi) found = true;
                i += 3;
            } else {
                if (c == lo) found = true;
                i++;
            }
        }
        return found != negate;
    }
}
