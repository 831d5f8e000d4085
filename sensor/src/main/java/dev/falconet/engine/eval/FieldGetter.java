package dev.falconet.engine.eval;

import dev.falconet.fields.FieldExtractor;

/**
 * Reads a field through the frame, which extracts it at most once per event. A record, so that
 * generated evaluators holding it as a constant let the JIT see the extractor as a constant too.
 *
 * @param slot      the field's slot in the frame
 * @param extractor reads the field from the event
 */
public record FieldGetter(int slot, FieldExtractor extractor) implements Getter {
    @Override
    public Object get(Frame f) {
        return f.value(slot, extractor);
    }
}
