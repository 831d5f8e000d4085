package dev.falconet.engine.eval;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code in (a, b, ...)} over string constants: an open-addressing table with the constants'
 * hashes, behind a filter on the value's length (most values fail there, without hashing). Same
 * answers as {@code Set.contains}: a value that is not a string is never in the set.
 */
public final class StringSet implements ValueTest {
    private final String[] table;
    private final int[] hashes;
    private final int mask;
    /** Bit n set when a constant has length n (bit 63: length 63 or more). */
    private final long lengths;

    public StringSet(List<String> values) {
        Set<String> distinct = new LinkedHashSet<>(values);
        int size = Integer.highestOneBit(Math.max(2, distinct.size()) * 4 - 1);
        table = new String[size];
        hashes = new int[size];
        mask = size - 1;
        long l = 0;
        for (String s : distinct) {
            l |= 1L << Math.min(s.length(), 63);
            int h = s.hashCode();
            int i = spread(h) & mask;
            while (table[i] != null) i = (i + 1) & mask;
            table[i] = s;
            hashes[i] = h;
        }
        lengths = l;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }

    public boolean contains(String s) {
        if ((lengths & 1L << Math.min(s.length(), 63)) == 0) return false;
        int h = s.hashCode();
        for (int i = spread(h) & mask; ; i = (i + 1) & mask) {
            String c = table[i];
            if (c == null) return false;
            if (hashes[i] == h && c.equals(s)) return true;
        }
    }

    @Override
    public boolean test(Object value, Frame f) {
        return value instanceof String s && contains(s);
    }
}
