package dev.falconet.fields;

import dev.falconet.rules.ast.Op;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The value type of a field, with libsinsp's names. It decides how constants in a condition are
 * parsed and which comparison operators the compiler accepts (falco-language.md B.7).
 *
 * <p>Extracted values are Java objects: {@link String} for text, paths and IP addresses,
 * {@link Long} for every integer type (ports, times in nanoseconds, uids, fd numbers),
 * {@link Boolean} for {@link #BOOL} and {@code byte[]} for {@link #BYTEBUF}.
 */
public enum FieldType {
    CHARBUF, FSPATH, INT16, INT32, INT64, UINT16, UINT32, UINT64, BOOL, IPADDR, IPNET, PORT, ABSTIME, RELTIME, BYTEBUF;

    private static final Set<Op> NUMERIC_OPS = ops(Op.EQ, Op.EQEQ, Op.NE, Op.LT, Op.LE, Op.GT, Op.GE, Op.IN, Op.INTERSECTS, Op.EXISTS);
    private static final Set<Op> BOOL_OPS = ops(Op.EQ, Op.EQEQ, Op.NE, Op.IN, Op.INTERSECTS, Op.EXISTS);
    private static final Set<Op> IP_OPS = BOOL_OPS;
    private static final Set<Op> STRING_OPS;
    private static final Set<Op> BYTES_OPS = ops(Op.EQ, Op.EQEQ, Op.NE, Op.CONTAINS, Op.IN, Op.EXISTS, Op.STARTSWITH,
            Op.ENDSWITH, Op.INTERSECTS, Op.BCONTAINS, Op.BSTARTSWITH);

    static {
        EnumSet<Op> s = EnumSet.allOf(Op.class);
        s.remove(Op.BCONTAINS);
        s.remove(Op.BSTARTSWITH);
        STRING_OPS = Collections.unmodifiableSet(s);
    }

    private static Set<Op> ops(Op first, Op... rest) {
        return Collections.unmodifiableSet(EnumSet.of(first, rest));
    }

    /** Integer-valued types (ports and times included): ordering operators apply and constants must be decimal numbers. */
    public boolean isNumeric() {
        return switch (this) {
            case INT16, INT32, INT64, UINT16, UINT32, UINT64, PORT, ABSTIME, RELTIME -> true;
            default -> false;
        };
    }

    /** Text types: every string operator applies. */
    public boolean isText() {
        return this == CHARBUF || this == FSPATH;
    }

    /** The comparison operators Falco accepts on a single-valued field of this type. */
    public Set<Op> allowedOps() {
        if (isNumeric()) return NUMERIC_OPS;
        return switch (this) {
            case BOOL -> BOOL_OPS;
            case IPADDR, IPNET -> IP_OPS;
            case BYTEBUF -> BYTES_OPS;
            default -> STRING_OPS;
        };
    }
}
