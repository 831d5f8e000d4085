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
    private Event event;
    private Object[] values;
    private int[] stamps;
    private int generation = 1;

    public Frame() {
        this(64);
    }

    public Frame(int capacity) {
        values = new Object[capacity];
        stamps = new int[capacity];
    }

    /** A fresh frame for one event (tests, explanations). */
    public static Frame of(Event e) {
        return new Frame(16).reset(e);
    }

    /** Points this frame at the next event; previously extracted values are forgotten. */
    public Frame reset(Event e) {
        event = e;
        if (++generation == 0) {
            Arrays.fill(stamps, 0);
            generation = 1;
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
        if (slot >= stamps.length) grow(slot);
        if (stamps[slot] == generation) return values[slot] == Boolean.TRUE;
        boolean v = body.eval(this);
        values[slot] = v ? Boolean.TRUE : Boolean.FALSE;
        stamps[slot] = generation;
        return v;
    }

    /**
     * The memoised value of the macro in {@code slot} for this event: 1 true, 0 false, -1 not yet
     * evaluated. Generated evaluators pair it with {@link #storeMacro}.
     */
    public int macroState(int slot) {
        if (slot >= stamps.length || stamps[slot] != generation) return -1;
        return values[slot] == Boolean.TRUE ? 1 : 0;
    }

    /** Records the macro's value for this event and returns it. */
    public boolean storeMacro(int slot, boolean v) {
        if (slot >= stamps.length) grow(slot);
        values[slot] = v ? Boolean.TRUE : Boolean.FALSE;
        stamps[slot] = generation;
        return v;
    }

    private void grow(int slot) {
        int n = Math.max(slot + 1, stamps.length * 2);
        values = Arrays.copyOf(values, n);
        stamps = Arrays.copyOf(stamps, n);
    }
}
