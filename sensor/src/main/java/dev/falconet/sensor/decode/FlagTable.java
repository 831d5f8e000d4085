package dev.falconet.sensor.decode;

import java.util.List;

/**
 * A table of symbolic names for flag bits or enum values, rendered the way libsinsp renders
 * {@code evt.arg.X}: for flags, the names are taken in table order, each matched name's bits
 * removed from what is left, stopping at an entry equal to the whole value; for enums, every
 * entry equal to the value (so {@code AF_LOCAL|AF_UNIX} for 1).
 */
public final class FlagTable {
    /** One name and its value. */
    public record Entry(String name, long value) {}

    private final List<Entry> entries;
    private final boolean enumeration;
    /**
     * Renderings already made, by value (a direct-mapped cache: a live sensor sees the same few flag
     * combinations over and over). Slots hold immutable entries, so racing threads at worst render twice.
     */
    private final Entry[] rendered = new Entry[64];

    private FlagTable(List<Entry> entries, boolean enumeration) {
        this.entries = List.copyOf(entries);
        this.enumeration = enumeration;
    }

    public static FlagTable flags(Entry... entries) {
        return new FlagTable(List.of(entries), false);
    }

    public static FlagTable enumeration(Entry... entries) {
        return new FlagTable(List.of(entries), true);
    }

    public static Entry e(String name, long value) {
        return new Entry(name, value);
    }

    public String render(long value) {
        int slot = (int) (value ^ value >>> 17 ^ value >>> 32) & (rendered.length - 1);
        Entry hit = rendered[slot];
        if (hit != null && hit.value == value) return hit.name;
        String text = renderUncached(value);
        rendered[slot] = new Entry(text, value);
        return text;
    }

    private String renderUncached(long value) {
        StringBuilder sb = new StringBuilder();
        long left = value;
        for (Entry en : entries) {
            boolean match;
            if (enumeration) {
                match = en.value == value;
            } else if (en.value == 0) {
                match = value == 0;
            } else {
                match = left != 0 && (left & en.value) == en.value;
                if (match) left &= ~en.value;
            }
            if (!match) continue;
            if (!sb.isEmpty()) sb.append('|');
            sb.append(en.name);
            if (!enumeration && en.value == value) break;
        }
        return sb.toString();
    }
}
