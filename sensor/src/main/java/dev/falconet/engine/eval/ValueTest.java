package dev.falconet.engine.eval;

/** Tests one extracted (non-null) value against the right-hand side of a check. */
@FunctionalInterface
public interface ValueTest {
    boolean test(Object value, Frame f);
}
