package dev.falconet.fields;

import dev.falconet.event.ThreadInfo;
import java.util.List;

/**
 * {@code proc.args}, {@code proc.cmdline} and {@code proc.exeline} text. Joining the arguments
 * allocates, so each result is kept until the thread's name or argument list changes (the
 * argument list is an immutable List replaced on exec, so identity tells). The cache is one
 * immutable record swapped atomically, which keeps it safe when several threads extract.
 */
final class Cmdline {
    private Cmdline() {}

    private record Cached(ThreadInfo thread, String head, List<String> args, String value) {}

    private static final ThreadLocal<Cached[]> CACHE = ThreadLocal.withInitial(() -> new Cached[3]);

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
        Cached[] cache = CACHE.get();
        Cached c = cache[slot];
        List<String> args = t.args();
        if (c != null && c.thread == t && c.args == args && c.head.equals(head)) return c.value;
        String value = argsOnly ? String.join(" ", args) : join(head, args);
        cache[slot] = new Cached(t, head, args, value);
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
