package dev.falconet.fields;

/**
 * One family of fields ({@code evt.*}, {@code proc.*}, {@code fd.*} ...): its table of names, types and
 * descriptions is cheap to build, and a field's extractor is only made when a rule or an output first
 * uses the field (one {@code switch} arm per field). A fresh JVM that loads rules thus links the few
 * dozen lambdas the rules need instead of the registry's hundreds.
 */
abstract class FieldFamily implements FieldBinder {
    /** The extractor of one of the family's fields that take no argument; throws {@link #unknown} for another name. */
    abstract FieldExtractor extractor(String name);

    /** Binds a use of one of the family's fields that take an argument (registered with {@link FieldTable#withArg}). */
    @Override
    public BindResult bind(FieldDef def, String arg, UseContext ctx) {
        throw new IllegalStateException("no binding for field " + def.name());
    }

    static IllegalStateException unknown(String name) {
        return new IllegalStateException("no extractor for field " + name);
    }
}
