package dev.falconet.engine.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * libsinsp's {@code pmatch}: a path matches when one of the patterns is a component-wise prefix of
 * it. Both sides are split on {@code /} (empty parts ignored); a pattern component with
 * {@code * ? [} matches one path component by glob.
 */
public final class PathMatch {
    private final List<Object[]> patterns = new ArrayList<>(); // each: String or Glob per component

    public PathMatch(List<String> paths) {
        for (String p : paths) {
            List<Object> comps = new ArrayList<>();
            for (String c : split(p)) comps.add(c.indexOf('*') >= 0 || c.indexOf('?') >= 0 || c.indexOf('[') >= 0 ? new Glob(c, false) : c);
            patterns.add(comps.toArray());
        }
    }

    /** Walks the path's components in place: no allocation except for glob components. */
    public boolean matches(String path) {
        int n = path.length();
        outer:
        for (Object[] p : patterns) {
            int pos = 0;
            for (Object comp : p) {
                while (pos < n && path.charAt(pos) == '/') pos++;
                if (pos == n) continue outer; // the path has fewer components than the pattern
                int end = path.indexOf('/', pos);
                if (end < 0) end = n;
                if (comp instanceof Glob g) {
                    if (!g.matches(path.substring(pos, end))) continue outer;
                } else {
                    String c = (String) comp;
                    if (c.length() != end - pos || !path.startsWith(c, pos)) continue outer;
                }
                pos = end;
            }
            return true;
        }
        return false;
    }

    private static List<String> split(String path) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= path.length(); i++) {
            if (i == path.length() || path.charAt(i) == '/') {
                if (i > start) out.add(path.substring(start, i));
                start = i + 1;
            }
        }
        return out;
    }
}
