package dev.falconet.fields;

import dev.falconet.event.ThreadInfo;
import java.util.List;

/**
 * Text built from process state: {@code proc.args}, {@code proc.cmdline}, {@code proc.exeline}, {@code proc.cwd}. Joining the arguments
 * allocates, so each result is kept until the thread's name or argument list changes (the
 * argument list is an immutable List replaced on exec, so identity tells). Each extracting thread
 * has its own small cache of immutable entries.
 */
final class ProcessText {
    private ProcessText() {}

    private record Cached(ThreadInfo thread, String head, List<String> args, String value) {}

    /** Per extracting thread: for each of the three texts, a small direct-mapped cache indexed by tid. */
    private static final int WAYS = 64;
    private static final ThreadLocal<Cached[][]> CACHE = ThreadLocal.withInitial(() -> new Cached[3][WAYS]);

    static Object args(ThreadInfo t) {
        return cached(t, 0, "", true);
    }

    static Object cmdline(ThreadInfo t) {
        return cached(t, 1, t.comm(), false);
    }

    static Object exeline(ThreadInfo t) {
        return cached(t, 2, t.exe(), false);
    }

    private static String cached(ThreadInfo t, int slot, String head, boolean argsOnly) {
        Cached[] cache = CACHE.get()[slot];
        int way = (int) (t.tid() & (WAYS - 1));
        Cached c = cache[way];
        List<String> args = t.args();
        if (c != null && c.thread == t && c.args == args && c.head.equals(head)) return c.value;
        String value = argsOnly ? String.join(" ", args) : join(head, args);
        cache[way] = new Cached(t, head, args, value);
        return value;
    }

    private record Cwd(String raw, String value) {}

    private static final ThreadLocal<Cwd[]> CWD = ThreadLocal.withInitial(() -> new Cwd[1]);

    /** {@code proc.cwd}: libsinsp keeps the directory with a trailing '/', which rules rely on ({@code startswith "/dev/shm/"}). */
    static String cwd(ThreadInfo t) {
        String raw = t.cwd();
        if (raw.isEmpty() || raw.endsWith("/")) return raw;
        Cwd[] cache = CWD.get();
        Cwd c = cache[0];
        if (c != null && c.raw == raw) return c.value;
        String value = raw + "/";
        cache[0] = new Cwd(raw, value);
        return value;
    }

    private static String join(String head, List<String> args) {
        if (args.isEmpty()) return head;
        StringBuilder sb = new StringBuilder(head.length() + 16 * args.size());
        sb.append(head);
        for (String a : args) sb.append(' ').append(a);
        return sb.toString();
    }
}
