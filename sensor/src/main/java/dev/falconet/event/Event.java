package dev.falconet.event;

import java.util.List;
import java.util.Objects;

/**
 * One syscall event as Falco 0.42+ sees it: an exit event carrying the syscall's parameters and
 * its return value, together with the state (thread, fd, container) that fields read.
 * Live capture and recorded replay both produce these; the engine reads nothing else.
 *
 * @param num       {@code evt.num}: sequence number, starting at 1
 * @param ts        kernel timestamp, epoch nanoseconds
 * @param type      event type id ({@link EventTypes})
 * @param res       return value ({@code evt.rawres}); 0 for events that have none
 * @param args      the parameters, in libsinsp's order for this event type
 * @param thread    the thread that made the call (never null: an unknown thread gets an empty entry)
 * @param fd        the file descriptor the event refers to (opened, used or created), or null
 * @param cpu       the CPU the event happened on, -1 when unknown
 */
public record Event(long num, long ts, int type, long res, List<Arg> args, ThreadInfo thread, FdInfo fd, int cpu) {

    public Event {
        Objects.requireNonNull(thread, "thread");
        args = List.copyOf(args);
        if (EventTypes.name(type) == null) throw new IllegalArgumentException("unknown event type id " + type);
    }

    public String typeName() {
        return EventTypes.name(type);
    }

    /** The parameter with this name, or null. */
    public Arg arg(String name) {
        for (int i = 0, n = args.size(); i < n; i++) {
            Arg a = args.get(i);
            if (a.name().equals(name)) return a;
        }
        return null;
    }

    /** The parameter at this position, or null. */
    public Arg arg(int index) {
        return index >= 0 && index < args.size() ? args.get(index) : null;
    }
}
