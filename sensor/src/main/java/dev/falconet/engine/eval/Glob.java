package dev.falconet.engine.eval;

/**
 * Shell-style pattern matching as libsinsp's {@code glob} operator does it: fnmatch without
 * FNM_PATHNAME, so {@code *}, {@code ?} and brackets also match {@code /}. Supports {@code *},
 * {@code ?}, {@code [abc]}, {@code [a-z]}, {@code [!x]}/{@code [^x]} and backslash escapes.
 */
public final class Glob {
    private final char[] pattern;
    private final boolean ignoreCase;

    public Glob(String pattern, boolean ignoreCase) {
        this.pattern = (ignoreCase ? lower(pattern) : pattern).toCharArray();
        this.ignoreCase = ignoreCase;
    }

    public boolean matches(String s) {
        return match(pattern, 0, ignoreCase ? lower(s) : s, 0);
    }

    /** Iterative matcher with single-star backtracking (linear in practice, no recursion blow-up). */
    private static boolean match(char[] p, int pi, String s, int si) {
        int starP = -1;
        int starS = -1;
        while (si < s.length()) {
            if (pi < p.length) {
                char c = p[pi];
                if (c == '*') {
                    starP = ++pi;
                    starS = si;
                    continue;
                }
                int next = matchOne(p, pi, s.charAt(si));
                if (next >= 0) {
                    pi = next;
                    si++;
                    continue;
                }
            }
            if (starP < 0) return false;
            pi = starP;
            si = ++starS;
        }
        while (pi < p.length && p[pi] == '*') pi++;
        return pi == p.length;
    }

    /** Matches one character at pattern position pi; returns the next pattern position, or -1. */
    private static int matchOne(char[] p, int pi, char ch) {
        char c = p[pi];
        if (c == '?') return pi + 1;
        if (c == '\\' && pi + 1 < p.length) return p[pi + 1] == ch ? pi + 2 : -1;
        if (c == '[') {
            int i = pi + 1;
            boolean negate = i < p.length && (p[i] == '!' || p[i] == '^');
            if (negate) i++;
            boolean found = false;
            int start = i;
            while (i < p.length && (p[i] != ']' || i == start)) {
                char lo = p[i];
                if (i + 2 < p.length && p[i + 1] == '-' && p[i + 2] != ']') {
                    if (ch >= lo && ch <= p[i + 2]) found = true;
                    i += 3;
                } else {
                    if (ch == lo) found = true;
                    i++;
                }
            }
            if (i >= p.length) return c == ch ? pi + 1 : -1; // unterminated bracket: a literal '['
            return found != negate ? i + 1 : -1;
        }
        return c == ch ? pi + 1 : -1;
    }

    static String lower(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                char[] a = s.toCharArray();
                for (int j = i; j < a.length; j++) if (a[j] >= 'A' && a[j] <= 'Z') a[j] = (char) (a[j] + 32);
                return new String(a);
            }
        }
        return s;
    }
}
