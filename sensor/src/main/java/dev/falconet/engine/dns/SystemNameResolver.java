package dev.falconet.engine.dns;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The host's resolver, asynchronously: the first request for a name starts a lookup on a background
 * thread and answers "no addresses" until it completes; answers are refreshed after {@code ttl}.
 * Like libsinsp, a rule on a name can therefore miss the first connections after start-up.
 */
public final class SystemNameResolver implements NameResolver {
    private record Entry(List<String> addresses, long resolvedAt, boolean pending) {}

    private final Map<String, Entry> cache = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final ExecutorService lookups = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "falconet-dns");
        t.setDaemon(true);
        return t;
    });

    public SystemNameResolver(long ttl, TimeUnit unit) {
        this.ttlNanos = unit.toNanos(ttl);
    }

    private static final SystemNameResolver STANDARD = new SystemNameResolver(5, TimeUnit.MINUTES);

    /** The shared resolver that refreshes every five minutes. */
    public static SystemNameResolver standard() {
        return STANDARD;
    }

    @Override
    public List<String> addresses(String name) {
        long now = System.nanoTime();
        Entry e = cache.get(name);
        if (e == null || (!e.pending && now - e.resolvedAt > ttlNanos)) {
            Entry pending = new Entry(e == null ? List.of() : e.addresses, now, true);
            if (e == null ? cache.putIfAbsent(name, pending) == null : cache.replace(name, e, pending)) {
                lookups.execute(() -> cache.put(name, new Entry(lookup(name), System.nanoTime(), false)));
            }
            return pending.addresses;
        }
        return e.addresses;
    }

    private static List<String> lookup(String name) {
        try {
            List<String> out = new ArrayList<>();
            for (InetAddress a : InetAddress.getAllByName(name)) out.add(a.getHostAddress());
            return List.copyOf(out);
        } catch (UnknownHostException | SecurityException e) {
            return List.of();
        }
    }
}
