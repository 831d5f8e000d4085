package dev.falconet.fields;

import java.util.Objects;

/**
 * One field the engine knows, as {@code ./falconet fields} lists it.
 *
 * @param name        the name, e.g. {@code proc.aname}
 * @param type        its value type (for {@code evt.rawarg} the type of a use depends on the argument)
 * @param description what it means, in our words
 * @param argKind     what may follow in brackets
 * @param deprecated  Falco warns when it is used
 * @param fieldClass  the group it belongs to ({@code evt}, {@code process}, {@code fd}, ...)
 * @param filterOnly  usable in conditions only ({@code fd.ip}, {@code fd.net}, ...)
 * @param binder      turns a use into an extractor
 */
public record FieldDef(String name, FieldType type, String description, ArgKind argKind, boolean deprecated,
                       String fieldClass, boolean filterOnly, FieldBinder binder) {
    public FieldDef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(argKind, "argKind");
        Objects.requireNonNull(fieldClass, "fieldClass");
        Objects.requireNonNull(binder, "binder");
    }
}
