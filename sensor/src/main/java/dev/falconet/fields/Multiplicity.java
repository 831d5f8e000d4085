package dev.falconet.fields;

/** How many values one extraction gives, and so how a comparison on the field is decided. */
public enum Multiplicity {
    /** One value (or none: {@code null}, printed {@code <NA>}). */
    SINGLE,
    /**
     * A list of values ({@code List<String>}, e.g. {@code k8smeta.pod.labels}): only {@code in}
     * (every value is in the set), {@code intersects} (at least one is) and {@code exists} apply.
     */
    LIST,
    /**
     * {@code proc.aname} and friends without an index in a condition: the extractor gives the
     * values of every ancestor from the parent up ({@code List<String>}, or {@code List<Long>} for
     * {@code proc.apid}), and a check is true when it is true for any of them (every operator).
     */
    ANY_ANCESTOR,
    /**
     * The filter-only "either side" socket fields {@code fd.ip}, {@code fd.port}, {@code fd.net}
     * ({@code fd.proto}): the extractor gives the client and the server value (a list of one or
     * two). {@code =} and {@code in} are true when either side matches; {@code !=} is true only
     * when both sides differ (libsinsp's rule).
     */
    EITHER_ENDPOINT
}
