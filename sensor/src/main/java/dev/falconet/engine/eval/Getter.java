package dev.falconet.engine.eval;

/** Reads a value for the frame's event: a field (memoised in the frame), or a transformer over one. Null = cannot be extracted. */
@FunctionalInterface
public interface Getter {
    Object get(Frame f);
}
