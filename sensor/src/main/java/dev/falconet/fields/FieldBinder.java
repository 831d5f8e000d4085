package dev.falconet.fields;

/**
 * How a field definition turns one use ({@code name[arg]} in a condition or an output) into a
 * {@link BoundField}. The registry has already checked the argument against {@link FieldDef#argKind()}.
 */
@FunctionalInterface
public interface FieldBinder {
    BindResult bind(FieldDef def, String arg, UseContext ctx);
}
