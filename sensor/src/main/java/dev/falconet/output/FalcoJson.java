package dev.falconet.output;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON text written the way Falco writes it (nlohmann::json's {@code dump()}): no spaces, non-ASCII kept
 * as UTF-8, {@code \b \f \n \r \t \" \\} as short escapes, other control characters as {@code \}{@code u00xx}
 * (lower-case hex), and a lone UTF-16 surrogate (Java's image of invalid UTF-8) as U+FFFD.
 *
 * <p>Values: {@link String}, {@link Boolean}, integral numbers, {@link BigDecimal}/{@link Double},
 * {@link List}, {@link Map} (written with sorted keys), and {@code null}.
 */
public final class FalcoJson {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private FalcoJson() {
    }

    /** The JSON text of {@code value}. */
    public static String write(Object value) {
        StringBuilder sb = new StringBuilder(256);
        write(sb, value);
        return sb.toString();
    }

    /** Appends the JSON text of {@code value}. */
    public static void write(StringBuilder sb, Object value) {
        switch (value) {
            case null -> sb.append("null");
            case String s -> {
                sb.append('"');
                escapeInto(sb, s);
                sb.append('"');
            }
            case Boolean b -> sb.append(b.booleanValue());
            case Long l -> sb.append(l.longValue());
            case Integer i -> sb.append(i.intValue());
            case Short s -> sb.append(s.shortValue());
            case Byte b -> sb.append(b.byteValue());
            case BigInteger bi -> sb.append(bi);
            case BigDecimal bd -> sb.append(bd.toString());
            case Double d -> writeDouble(sb, d);
            case Float f -> writeDouble(sb, f.doubleValue());
            case List<?> list -> {
                sb.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) sb.append(',');
                    write(sb, list.get(i));
                }
                sb.append(']');
            }
            case Map<?, ?> map -> {
                sb.append('{');
                boolean first = true;
                for (Map.Entry<String, ?> e : sorted(map).entrySet()) {
                    if (!first) sb.append(',');
                    first = false;
                    write(sb, e.getKey());
                    sb.append(':');
                    write(sb, e.getValue());
                }
                sb.append('}');
            }
            default -> write(sb, value.toString());
        }
    }

    /** {@code s} JSON-escaped, without the surrounding quotes (Falco's text output line). */
    public static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        escapeInto(sb, s);
        return sb.toString();
    }

    static void escapeInto(StringBuilder sb, String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                        sb.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        sb.append('\uFFFD');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
    }

    private static void writeDouble(StringBuilder sb, double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            sb.append("null"); // JSON has no NaN/Infinity; nlohmann writes null too
        } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            sb.append((long) d).append(".0");
        } else {
            sb.append(d);
        }
    }

    private static Map<String, ?> sorted(Map<?, ?> map) {
        TreeMap<String, Object> t = new TreeMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) t.put(String.valueOf(e.getKey()), e.getValue());
        return t;
    }
}
