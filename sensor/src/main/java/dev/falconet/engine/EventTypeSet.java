package dev.falconet.engine;

import dev.falconet.event.EventTypes;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A set of event types, as Falco computes it for each rule to index rules by event type.
 * Immutable; "all" is the set of every known event type.
 */
public final class EventTypeSet {
    private static final BitSet ALL_BITS = new BitSet(EventTypes.CAPACITY);
    static {
        for (int i = 0; i < EventTypes.CAPACITY; i++) if (EventTypes.name(i) != null) ALL_BITS.set(i);
    }
    public static final EventTypeSet ALL = new EventTypeSet(ALL_BITS);
    public static final EventTypeSet NONE = new EventTypeSet(new BitSet());

    private final BitSet bits;

    private EventTypeSet(BitSet bits) {
        this.bits = bits;
    }

    public static EventTypeSet of(int... ids) {
        BitSet b = new BitSet(EventTypes.CAPACITY);
        for (int id : ids) b.set(id);
        return new EventTypeSet(b);
    }

    public EventTypeSet union(EventTypeSet o) {
        BitSet b = (BitSet) bits.clone();
        b.or(o.bits);
        return new EventTypeSet(b);
    }

    public EventTypeSet intersect(EventTypeSet o) {
        BitSet b = (BitSet) bits.clone();
        b.and(o.bits);
        return new EventTypeSet(b);
    }

    public EventTypeSet complement() {
        BitSet b = (BitSet) ALL_BITS.clone();
        b.andNot(bits);
        return new EventTypeSet(b);
    }

    public boolean contains(int id) {
        return bits.get(id);
    }

    public boolean isAll() {
        return bits.equals(ALL_BITS);
    }

    public boolean isEmpty() {
        return bits.isEmpty();
    }

    public int size() {
        return bits.cardinality();
    }

    public int[] ids() {
        return bits.stream().toArray();
    }

    /** Event type names, sorted. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        bits.stream().forEach(i -> names.add(EventTypes.name(i)));
        names.sort(null);
        return names;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EventTypeSet s && s.bits.equals(bits);
    }

    @Override
    public int hashCode() {
        return bits.hashCode();
    }

    @Override
    public String toString() {
        return isAll() ? "<all>" : String.join(",", names());
    }
}
