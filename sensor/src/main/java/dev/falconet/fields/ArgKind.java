package dev.falconet.fields;

/** What may follow a field name in brackets ({@code proc.aname[2]}, {@code proc.env[HOME]}). */
public enum ArgKind {
    /** No argument. */
    NONE(false, false, false),
    /** A required number: {@code evt.arg[0]}. */
    INDEX(true, false, true),
    /** A required key: {@code k8smeta.pod.label[app]}. */
    KEY(false, true, true),
    /** A required number or key: {@code container.mount.dest[0]}, {@code container.mount.dest[/proc*]}. */
    INDEX_OR_KEY(true, true, true),
    /** An optional number: {@code proc.aname}, {@code proc.aname[2]}. */
    INDEX_OR_NONE(true, false, false),
    /** An optional key: {@code proc.env}, {@code proc.env[HOME]}. */
    KEY_OR_NONE(false, true, false),
    /** An optional number or key: {@code proc.aenv}, {@code proc.aenv[2]}, {@code proc.aenv[HOME]}. */
    INDEX_OR_KEY_OR_NONE(true, true, false);

    private final boolean index;
    private final boolean key;
    private final boolean required;

    ArgKind(boolean index, boolean key, boolean required) {
        this.index = index;
        this.key = key;
        this.required = required;
    }

    public boolean acceptsIndex() { return index; }
    public boolean acceptsKey() { return key; }
    public boolean required() { return required; }
    public boolean acceptsArg() { return index || key; }
}
