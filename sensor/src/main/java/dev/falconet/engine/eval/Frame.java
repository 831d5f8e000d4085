package dev.falconet.engine.eval;

import dev.falconet.event.Event;
import dev.falconet.fields.FieldExtractor;
import java.util.Arrays;

/**
 * The evaluation state of one event: the event, and the field values already extracted for it.
 * Rules share fields heavily ({@code fd.name}, {@code proc.name}, ancestry ...), so each field is
 * extracted at most once per event, whatever the number of rules that read it. A frame belongs to
 * one thread; {@link #reset} moves it to the next event without clearing anything (generation stamps).
 */
public final class Frame {
    // package-private: generated evaluators read the memo arrays directly (EvaluatorGenerator)
    Event event;
    Object[] values;
    int[] stamps;
    /**
     * Macro values by slot: {@code generation << 1 | value}. Kept apart from {@code values} so that
     * memoising a macro stores an int, not a reference (no GC write barrier on the hot path).
     */
    int[] macros;
    int generation = 1;
    /**
     * The values array is replaced every 16,384 events so that it stays in the young generation: G1's
     * write barrier is nearly free for a store into a young object, while a store of a reference into
     * an old array from another region costs a StoreLoad fence (JDK 25), and a frame stores a dozen
     * values per event. Allocating a few KiB per 16,384 events costs nothing measurable.
     */
    private static final int RENEW_VALUES_MASK = (1 << 14) - 1;
    /** Generations stay below this, so that {@code generation << 1} never overflows. */
    private static final int MAX_GENERATION = 1 << 30;

    public Frame() {
        this(64);
    }

    public Frame(int capacity) {
        values = new Object[capacity];
        stamps = new int[capacity];
        macros = new int[capacity];
    }

    /** A fresh frame for one event (tests, explanations). */
    public static Frame of(Event e) {
        return new Frame(16).reset(e);
    }

    /** Points this frame at the next event; previously extracted values are forgotten. */
    public Frame reset(Event e) {
        event = e;
        if (++generation == MAX_GENERATION) {
            Arrays.fill(stamps, 0);
            Arrays.fill(macros, 0);
            generation = 1;
        }
        if ((generation & RENEW_VALUES_MASK) == 0) {
            // every stamp is stale now: a fresh, empty array holds this event's values
            values = new Object[values.length];
        }
        return this;
    }

    public Event event() {
        return event;
    }

    /** The value of the field in {@code slot}, extracted on first use for this event. */
    public Object value(int slot, FieldExtractor extractor) {
        if (slot >= stamps.length) grow(slot);
        if (stamps[slot] == generation) return values[slot];
        Object v = extractor.extract(event);
        values[slot] = v;
        stamps[slot] = generation;
        return v;
    }

    /**
     * The truth value of the macro in {@code slot}, evaluated on first use for this event: rules
     * share macros ({@code open_read}, {@code spawned_process}, {@code container} ...), and a
     * macro's value depends on the event only.
     */
    public boolean macro(int slot, Node body) {
        int state = macroState(slot);
        if (state >= 0) return state == 1;
        return storeMacro(slot, body.eval(this));
    }

    /** The memoised value of the macro in {@code slot} for this event: 1 true, 0 false, -1 not yet evaluated. */
    private int macroState(int slot) {
        int[] m = macros;
        if (slot >= m.length) return -1;
        int s = m[slot];
        return s >>> 1 == generation ? s & 1 : -1;
    }

    /** Records the macro's value for this event and returns it. */
    private boolean storeMacro(int slot, boolean v) {
        if (slot >= macros.length) grow(slot);
        macros[slot] = generation << 1 | (v ? 1 : 0);
        return v;
    }

    /** Makes room for {@code slots} slots (generated evaluators index the arrays without checks). */
    public void ensureCapacity(int slots) {
        if (stamps.length < slots || macros.length < slots) grow(slots - 1);
    }

    private void grow(int slot) {
        int n = Math.max(slot + 1, stamps.length * 2);
        values = Arrays.copyOf(values, n);
        stamps = Arrays.copyOf(stamps, n);
        macros = Arrays.copyOf(macros, n);
    }
}
