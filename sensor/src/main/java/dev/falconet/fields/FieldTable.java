package dev.falconet.fields;

import java.util.LinkedHashMap;
import java.util.Map;

/** Collects field definitions while the registry is built; each field family adds its own. */
final class FieldTable {
    private final Map<String, FieldDef> defs = new LinkedHashMap<>();
    private String fieldClass = "";

    FieldTable inClass(String name) {
        fieldClass = name;
        return this;
    }

    /** A field without argument whose value is read by {@code ex}. */
    void add(String name, FieldType type, String description, FieldExtractor ex) {
        put(new FieldDef(name, type, description, ArgKind.NONE, false, fieldClass, false, single(ex)));
    }

    /** A deprecated field without argument. */
    void deprecated(String name, FieldType type, String description, FieldExtractor ex) {
        put(new FieldDef(name, type, description, ArgKind.NONE, true, fieldClass, false, single(ex)));
    }

    /** A field that is only usable in conditions. */
    void filterOnly(String name, FieldType type, Multiplicity m, String description, FieldExtractor ex) {
        put(new FieldDef(name, type, description, ArgKind.NONE, false, fieldClass, true,
                (def, arg, ctx) -> BindResult.ok(new BoundField(def, null, def.type(), m, ex))));
    }

    /** A field with a list value ({@code List<String>}). */
    void list(String name, String description, FieldExtractor ex) {
        put(new FieldDef(name, FieldType.CHARBUF, description, ArgKind.NONE, false, fieldClass, false,
                (def, arg, ctx) -> BindResult.ok(new BoundField(def, null, def.type(), Multiplicity.LIST, ex))));
    }

    /** A field whose argument decides the extractor. */
    void withArg(String name, FieldType type, ArgKind kind, boolean deprecated, String description, FieldBinder binder) {
        put(new FieldDef(name, type, description, kind, deprecated, fieldClass, false, binder));
    }

    /** A field with a required key ({@code [name]}), single-valued. */
    void keyed(String name, FieldType type, String description, KeyedExtractor ex) {
        withArg(name, type, ArgKind.KEY, false, description,
                (def, arg, ctx) -> BindResult.ok(new BoundField(def, arg, def.type(), Multiplicity.SINGLE, ex.forKey(arg))));
    }

    private void put(FieldDef def) {
        if (defs.putIfAbsent(def.name(), def) != null) throw new IllegalStateException("field defined twice: " + def.name());
    }

    static FieldBinder single(FieldExtractor ex) {
        return (def, arg, ctx) -> BindResult.ok(new BoundField(def, null, def.type(), Multiplicity.SINGLE, ex));
    }

    Map<String, FieldDef> defs() {
        return defs;
    }

    /** Makes the extractor for one key. */
    @FunctionalInterface
    interface KeyedExtractor {
        FieldExtractor forKey(String key);
    }
}
