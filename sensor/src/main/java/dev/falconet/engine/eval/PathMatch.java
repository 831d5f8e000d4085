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

    public boolean matches(String path) {
        List<String> comps = split(path);
        outer:
        for (Object[] p : patterns) {
            if (p.length > comps.size()) continue;
            for (int i = 0; i < p.length; i++) {
                String c = comps.get(i);
                if (p[i] instanceof Glob g ? !g.matches(c) : !p[i].equals(c)) continue outer;
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
