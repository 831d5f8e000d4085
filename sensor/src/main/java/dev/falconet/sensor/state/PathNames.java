package dev.falconet.sensor.state;

import java.util.ArrayDeque;
import java.util.Deque;

/** Path arithmetic as libsinsp does it: relative paths joined to a base, "." and ".." folded away. */
public final class PathNames {
    private PathNames() {}

    /** {@code path} made absolute against {@code base} (a directory) and normalized. */
    public static String resolve(String base, String path) {
        if (path == null || path.isEmpty()) return base == null ? "" : normalize(base);
        if (path.startsWith("/")) return normalize(path);
        if (base == null || base.isEmpty()) return normalize("/" + path);
        return normalize(base + "/" + path);
    }

    /** Folds "//", "." and ".." of an absolute path ("/.." stays "/"). */
    public static String normalize(String path) {
        if (path.isEmpty() || isNormal(path)) return path;
        Deque<String> parts = new ArrayDeque<>();
        for (String p : path.split("/")) {
            if (p.isEmpty() || p.equals(".")) continue;
            if (p.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(p);
            }
        }
        if (parts.isEmpty()) return "/";
        StringBuilder sb = new StringBuilder();
        for (String p : parts) sb.append('/').append(p);
        return sb.toString();
    }

    /** Absolute, without "//", "." or ".." components and without a trailing "/": nothing to fold. */
    private static boolean isNormal(String path) {
        int n = path.length();
        if (path.charAt(0) != '/' || n > 1 && path.charAt(n - 1) == '/') return n == 1;
        for (int i = 1; i < n; i++) {
            if (path.charAt(i - 1) != '/') continue;
            char c = path.charAt(i);
            if (c == '/') return false;
            if (c == '.') {
                int end = i + 1 < n && path.charAt(i + 1) == '.' ? i + 2 : i + 1;
                if (end == n || path.charAt(end) == '/') return false;
            }
        }
        return true;
    }

    /** The last component. */
    public static String basename(String path) {
        int i = path.lastIndexOf('/');
        return i < 0 ? path : path.substring(i + 1);
    }
}
