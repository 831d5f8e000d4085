package dev.falconet.fields;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Collects field definitions while the registry is built; each field family adds its own. A field
 * without argument gets its extractor from its family on first bind ({@link Lazy}); a field with an
 * argument is bound by its family.
 */
final class FieldTable {
    private final Map<String, FieldDef> defs = new LinkedHashMap<>();
    private String fieldClass = "";
    private FieldFamily family;

    /** The fields added next belong to this class (as {@code fields} groups them) and family. */
    FieldTable inClass(String name, FieldFamily family) {
        this.fieldClass = name;
        this.family = family;
        return this;
    }

    /** A field without argument. */
    void add(String name, FieldType type, String description) {
        put(new FieldDef(name, type, description, ArgKind.NONE, false, fieldClass, false, new Lazy(family, Multiplicity.SINGLE)));
    }

    /** A deprecated field without argument. */
    void deprecated(String name, FieldType type, String description) {
        put(new FieldDef(name, type, description, ArgKind.NONE, true, fieldClass, false, new Lazy(family, Multiplicity.SINGLE)));
    }

    /** A field that is only usable in conditions. */
    void filterOnly(String name, FieldType type, Multiplicity m, String description) {
        put(new FieldDef(name, type, description, ArgKind.NONE, false, fieldClass, true, new Lazy(family, m)));
    }

    /** A field with a list value ({@code List<String>}). */
    void list(String name, String description) {
        put(new FieldDef(name, FieldType.CHARBUF, description, ArgKind.NONE, false, fieldClass, false, new Lazy(family, Multiplicity.LIST)));
    }

    /** A field whose argument decides the extractor: the family binds it. */
    void withArg(String name, FieldType type, ArgKind kind, boolean deprecated, String description) {
        put(new FieldDef(name, type, description, kind, deprecated, fieldClass, false, family));
    }

    private void put(FieldDef def) {
        if (defs.putIfAbsent(def.name(), def) != null) throw new IllegalStateException("field defined twice: " + def.name());
    }

    Map<String, FieldDef> defs() {
        return defs;
    }

    /** A single-valued use of a field with its argument. */
    static BindResult bound(FieldDef def, String arg, FieldExtractor ex) {
        return BindResult.ok(new BoundField(def, arg, def.type(), Multiplicity.SINGLE, ex));
    }

    /**
     * Binds a field without argument: asks the family for the extractor on the first use and keeps it,
     * so every use of the field shares one extractor, as when they were made up front.
     */
    private static final class Lazy implements FieldBinder {
        private final FieldFamily family;
        private final Multiplicity multiplicity;
        private volatile FieldExtractor extractor;

        Lazy(FieldFamily family, Multiplicity multiplicity) {
            this.family = family;
            this.multiplicity = multiplicity;
        }

        @Override
        public BindResult bind(FieldDef def, String arg, UseContext ctx) {
            FieldExtractor ex = extractor;
            if (ex == null) {
                ex = family.extractor(def.name());
                extractor = ex;
            }
            return BindResult.ok(new BoundField(def, null, def.type(), multiplicity, ex));
        }
    }
}
