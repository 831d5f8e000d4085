package dev.falconet.engine.compile;

import dev.falconet.engine.eval.Cidr;
import dev.falconet.engine.eval.Glob;
import dev.falconet.engine.eval.PathMatch;
import dev.falconet.engine.eval.StringSet;
import dev.falconet.engine.eval.ValueTest;
import dev.falconet.fields.FieldType;
import dev.falconet.rules.ast.Op;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The comparison tests, one small lambda per operator and value type, built at compile time so that
 * evaluation does no parsing, no type dispatch and (for strings and numbers) no allocation.
 */
final class ValueTests {
    private ValueTests() {}

    /** A test against constant values; {@code values} are already parsed to the field's type. */
    static ValueTest constant(Op op, FieldType type, List<Object> values) {
        if (type.isNumeric()) return numeric(op, values);
        return switch (type) {
            case BOOL -> bool(op, values);
            case IPADDR, IPNET -> ip(op, values);
            case BYTEBUF -> bytes(op, values);
            default -> string(op, values);
        };
    }

    private static ValueTest string(Op op, List<Object> values) {
        String c = values.isEmpty() ? "" : (String) values.getFirst();
        return switch (op) {
            case EQ, EQEQ -> (v, e) -> c.equals(v);
            case NE -> (v, e) -> !c.equals(v);
            case LT -> (v, e) -> ((String) v).compareTo(c) < 0;
            case LE -> (v, e) -> ((String) v).compareTo(c) <= 0;
            case GT -> (v, e) -> ((String) v).compareTo(c) > 0;
            case GE -> (v, e) -> ((String) v).compareTo(c) >= 0;
            case CONTAINS -> (v, e) -> ((String) v).contains(c);
            case ICONTAINS -> {
                String lc = lowerAscii(c);
                yield (v, e) -> containsIgnoreCase((String) v, lc);
            }
            case STARTSWITH -> (v, e) -> ((String) v).startsWith(c);
            case ENDSWITH -> (v, e) -> ((String) v).endsWith(c);
            case IN, INTERSECTS -> set(values);
            case PMATCH -> {
                PathMatch pm = new PathMatch(values.stream().map(String.class::cast).toList());
                yield (v, e) -> pm.matches((String) v);
            }
            case GLOB -> {
                Glob g = new Glob(c, false);
                yield (v, e) -> g.matches((String) v);
            }
            case IGLOB -> {
                Glob g = new Glob(c, true);
                yield (v, e) -> g.matches((String) v);
            }
            case REGEX -> {
                com.google.re2j.Pattern p = com.google.re2j.Pattern.compile(c);
                yield (v, e) -> p.matches((String) v);
            }
            default -> throw new IllegalStateException("operator " + op + " on strings");
        };
    }

    private static ValueTest set(List<Object> values) {
        if (values.size() == 1) {
            Object only = values.getFirst();
            return (v, e) -> only.equals(v);
        }
        if (values.stream().allMatch(String.class::isInstance)) {
            return new StringSet(values.stream().map(String.class::cast).toList());
        }
        Set<Object> set = new HashSet<>(values);
        return (v, e) -> set.contains(v);
    }

    private static ValueTest numeric(Op op, List<Object> values) {
        long c = values.isEmpty() ? 0 : (Long) values.getFirst();
        return switch (op) {
            case EQ, EQEQ -> (v, e) -> (Long) v == c;
            case NE -> (v, e) -> (Long) v != c;
            case LT -> (v, e) -> (Long) v < c;
            case LE -> (v, e) -> (Long) v <= c;
            case GT -> (v, e) -> (Long) v > c;
            case GE -> (v, e) -> (Long) v >= c;
            case IN, INTERSECTS -> {
                long[] sorted = values.stream().mapToLong(x -> (Long) x).sorted().toArray();
                yield (v, e) -> Arrays.binarySearch(sorted, (Long) v) >= 0;
            }
            default -> throw new IllegalStateException("operator " + op + " on numbers");
        };
    }

    private static ValueTest bool(Op op, List<Object> values) {
        return switch (op) {
            case EQ, EQEQ, IN, INTERSECTS -> set(values);
            case NE -> {
                Object c = values.getFirst();
                yield (v, e) -> !c.equals(v);
            }
            default -> throw new IllegalStateException("operator " + op + " on booleans");
        };
    }

    private static ValueTest ip(Op op, List<Object> values) {
        Cidr[] nets = values.stream().map(Cidr.class::cast).toArray(Cidr[]::new);
        ValueTest inAny = (v, e) -> {
            String s = v.toString();
            long v4 = Cidr.ipv4Bits(s);
            if (v4 >= 0) {
                for (Cidr n : nets) if (n.containsIpv4(v4)) return true;
                return false;
            }
            byte[] a = Cidr.address(s);
            if (a == null) return false;
            for (Cidr n : nets) if (n.contains(a)) return true;
            return false;
        };
        return switch (op) {
            case EQ, EQEQ, IN, INTERSECTS -> inAny;
            case NE -> (v, e) -> {
                String s = v.toString();
                return (Cidr.ipv4Bits(s) >= 0 || Cidr.address(s) != null) && !inAny.test(v, e);
            };
            default -> throw new IllegalStateException("operator " + op + " on addresses");
        };
    }

    private static ValueTest bytes(Op op, List<Object> values) {
        byte[] c = values.isEmpty() ? new byte[0] : (byte[]) values.getFirst();
        return switch (op) {
            case EQ, EQEQ -> (v, e) -> Arrays.equals((byte[]) v, c);
            case NE -> (v, e) -> !Arrays.equals((byte[]) v, c);
            case CONTAINS, BCONTAINS -> (v, e) -> indexOf((byte[]) v, c) >= 0;
            case STARTSWITH, BSTARTSWITH -> (v, e) -> {
                byte[] b = (byte[]) v;
                return b.length >= c.length && Arrays.equals(b, 0, c.length, c, 0, c.length);
            };
            case ENDSWITH -> (v, e) -> {
                byte[] b = (byte[]) v;
                return b.length >= c.length && Arrays.equals(b, b.length - c.length, b.length, c, 0, c.length);
            };
            case IN, INTERSECTS -> (v, e) -> {
                for (Object x : values) if (Arrays.equals((byte[]) v, (byte[]) x)) return true;
                return false;
            };
            default -> throw new IllegalStateException("operator " + op + " on buffers");
        };
    }

    /** List fields: {@code in} = every value is in the set; {@code intersects} = at least one is. */
    static ValueTest list(Op op, List<Object> values) {
        Set<String> set = new HashSet<>();
        values.forEach(x -> set.add(String.valueOf(x)));
        return switch (op) {
            case IN -> (v, e) -> {
                for (Object x : (List<?>) v) if (!set.contains(String.valueOf(x))) return false;
                return true;
            };
            case INTERSECTS -> (v, e) -> {
                for (Object x : (List<?>) v) if (set.contains(String.valueOf(x))) return true;
                return false;
            };
            case EXISTS -> (v, e) -> true;
            default -> throw new IllegalStateException("operator " + op + " on list fields");
        };
    }

    /** Any (oneof, anyof) or every (allof) of the per-value tests. */
    static ValueTest modifier(String modifier, List<ValueTest> tests) {
        ValueTest[] t = tests.toArray(ValueTest[]::new);
        if (modifier.equals("allof")) {
            return (v, e) -> {
                for (ValueTest x : t) if (!x.test(v, e)) return false;
                return true;
            };
        }
        return (v, e) -> {
            for (ValueTest x : t) if (x.test(v, e)) return true;
            return false;
        };
    }

    static String lowerAscii(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch >= 'A' && ch <= 'Z') {
                if (sb == null) sb = new StringBuilder(s);
                sb.setCharAt(i, (char) (ch + 32));
            }
        }
        return sb == null ? s : sb.toString();
    }

    /** ASCII case-insensitive substring test; {@code needle} is already lower case. */
    static boolean containsIgnoreCase(String hay, String needle) {
        int n = needle.length();
        if (n == 0) return true;
        outer:
        for (int i = 0, last = hay.length() - n; i <= last; i++) {
            for (int j = 0; j < n; j++) {
                char c = hay.charAt(i + j);
                if (c >= 'A' && c <= 'Z') c = (char) (c + 32);
                if (c != needle.charAt(j)) continue outer;
            }
            return true;
        }
        return false;
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0, last = hay.length - needle.length; i <= last; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}
