package dev.falconet.rules.load;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean ...?" for misspelt keys: the closest allowed name within a small edit distance. */
public final class KeySuggester {
    private KeySuggester() {}

    /** The suffix to add to a message, e.g. {@code " Did you mean 'condition'?"}, or "" when nothing is close. */
    public static String didYouMean(String key, Collection<String> allowed) {
        String best = closest(key, allowed);
        return best == null ? "" : " Did you mean '" + best + "'?";
    }

    /** The closest allowed name, or null when none is within a small edit distance. */
    public static String closest(String key, Collection<String> allowed) {
        if (key == null || key.isEmpty() || key.length() > 64) return null;
        String k = key.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDist = Integer.MAX_VALUE;
        for (String a : allowed) {
            int limit = Math.max(1, Math.min(3, a.length() / 3));
            int d = distance(k, a.toLowerCase(Locale.ROOT));
            if (d <= limit && d < bestDist) {
                best = a;
                bestDist = d;
            }
        }
        return best;
    }

    /** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
    static int distance(String a, String b) {
        int n = a.length(), m = b.length();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) d[i][0] = i;
        for (int j = 0; j <= m; j++) d[0][j] = j;
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[n][m];
    }
}
