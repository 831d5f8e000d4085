package dev.falconet.engine.compile;

import dev.falconet.engine.eval.Cidr;
import dev.falconet.fields.FieldType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Turns a constant of a condition into the typed value its field compares with, with Falco's
 * rules (falco-language.md B.7): integers are decimal only, booleans exactly {@code true} or
 * {@code false}, ports also accept service names, IP fields take addresses or CIDRs.
 */
final class ConstantParser {
    private static volatile Map<String, Long> services;

    private ConstantParser() {}

    /** A parsed constant, or the error message. */
    record Parsed(Object value, String error) {}

    static Parsed parse(String text, FieldType type) {
        if (type.isNumeric()) {
            Long n = decimal(text);
            if (n == null && type == FieldType.PORT) n = serviceNames().get(text);
            return n == null ? new Parsed(null, text + " is not a valid number") : new Parsed(n, null);
        }
        return switch (type) {
            case BOOL -> text.equals("true") ? new Parsed(Boolean.TRUE, null)
                    : text.equals("false") ? new Parsed(Boolean.FALSE, null)
                    : new Parsed(null, "unrecognized boolean value " + text);
            case IPADDR, IPNET -> {
                Cidr c = Cidr.parse(text);
                yield c == null ? new Parsed(null, text + " is not a valid IP address or network") : new Parsed(c, null);
            }
            case BYTEBUF -> new Parsed(text.getBytes(StandardCharsets.UTF_8), null);
            default -> new Parsed(text, null);
        };
    }

    /** Hex-encoded bytes, as {@code bcontains}/{@code bstartswith} take them. */
    static Parsed hex(String text) {
        if (text.isEmpty() || text.length() % 2 != 0) return new Parsed(null, text + " is not a valid hex string: it needs an even number of hex digits");
        try {
            return new Parsed(HexFormat.of().parseHex(text), null);
        } catch (IllegalArgumentException e) {
            return new Parsed(null, text + " is not a valid hex string");
        }
    }

    static Long decimal(String text) {
        int i = text.startsWith("+") || text.startsWith("-") ? 1 : 0;
        if (i >= text.length()) return null;
        for (int j = i; j < text.length(); j++) if (text.charAt(j) < '0' || text.charAt(j) > '9') return null;
        try {
            return Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
        } catch (NumberFormatException e) {
            // larger than a signed 64-bit integer: accept unsigned 64-bit values as their bit pattern
            try {
                return Long.parseUnsignedLong(text);
            } catch (NumberFormatException e2) {
                return null;
            }
        }
    }

    /** TCP/UDP service names of /etc/services ({@code ssh} → 22), read once; empty when unreadable. */
    private static Map<String, Long> serviceNames() {
        Map<String, Long> s = services;
        if (s != null) return s;
        Map<String, Long> m = new HashMap<>();
        try {
            for (String line : Files.readAllLines(Path.of("/etc/services"), StandardCharsets.ISO_8859_1)) {
                int hash = line.indexOf('#');
                String[] parts = (hash >= 0 ? line.substring(0, hash) : line).trim().split("\\s+");
                if (parts.length < 2 || !parts[1].contains("/")) continue;
                Long port = decimal(parts[1].substring(0, parts[1].indexOf('/')));
                if (port == null) continue;
                for (int i = 0; i < parts.length; i++) if (i != 1) m.putIfAbsent(parts[i], port);
            }
        } catch (IOException | RuntimeException e) {
            // no /etc/services: service names are simply not available
        }
        services = Map.copyOf(m);
        return services;
    }
}
