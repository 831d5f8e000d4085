package dev.falconet.fields;

import dev.falconet.event.Event;

/** Reads one field from an event. Returns null when the field cannot be extracted ({@code <NA>}). */
@FunctionalInterface
public interface FieldExtractor {
    Object extract(Event e);
}
