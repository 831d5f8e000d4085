package dev.falconet.engine.eval;

import dev.falconet.event.Event;

/** Reads a value from an event: a field, or a transformer over a field. Null = cannot be extracted. */
@FunctionalInterface
public interface Getter {
    Object get(Event e);
}
