package dev.falconet.engine.eval;

import dev.falconet.event.Event;

/** Tests one extracted (non-null) value against the right-hand side of a check. */
@FunctionalInterface
public interface ValueTest {
    boolean test(Object value, Event e);
}
