package dev.falconet.engine.compile;

import java.util.HashMap;
import java.util.Map;

/**
 * Numbers the distinct field uses of a ruleset, so a {@link dev.falconet.engine.eval.Frame} can
 * keep each field's value once per event. One instance per engine; not thread-safe (compilation is
 * single-threaded).
 */
public final class FieldSlots {
    private final Map<String, Integer> slots = new HashMap<>();

    /** The slot of a field use; the key must identify the extractor (name, argument, use context). */
    public int slot(String key) {
        return slots.computeIfAbsent(key, k -> slots.size());
    }

    public int size() {
        return slots.size();
    }
}
