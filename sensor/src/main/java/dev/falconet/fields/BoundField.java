package dev.falconet.fields;

import dev.falconet.event.Event;
import dev.falconet.rules.ast.Op;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A field use bound to its extractor: {@code proc.aname[2]}, {@code evt.arg.flags}, {@code fd.name}.
 *
 * @param def          the field definition
 * @param arg          the argument as written (without brackets), or null
 * @param type         the value type of this use (may differ from {@code def.type()} for {@code evt.rawarg.X})
 * @param multiplicity how the compiler must compare the extracted value
 * @param extractor    reads the value; null result = {@code <NA>}
 */
public record BoundField(FieldDef def, String arg, FieldType type, Multiplicity multiplicity, FieldExtractor extractor) {
    private static final Set<Op> LIST_OPS = EnumSet.of(Op.IN, Op.INTERSECTS, Op.EXISTS);

    public BoundField {
        Objects.requireNonNull(def, "def");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(multiplicity, "multiplicity");
        Objects.requireNonNull(extractor, "extractor");
    }

    public Object extract(Event e) {
        return extractor.extract(e);
    }

    /** The operators a condition may use on this field (list fields allow only in/intersects/exists). */
    public Set<Op> allowedOps() {
        return multiplicity == Multiplicity.LIST ? LIST_OPS : type.allowedOps();
    }

    /** The field as Falco names it in outputs: {@code evt.arg.flags}, {@code proc.aname[2]}, {@code fd.name}. */
    public String displayName() {
        if (arg == null) return def.name();
        if ((def.name().equals("evt.arg") || def.name().equals("evt.rawarg")) && !isIndex(arg)) return def.name() + "." + arg;
        return def.name() + "[" + arg + "]";
    }

    private static boolean isIndex(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return true;
    }
}
