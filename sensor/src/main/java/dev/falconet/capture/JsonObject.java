package dev.falconet.capture;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Typed, checked access to one JSON object of a capture line; every problem becomes a {@link CaptureException} naming file:line. */
final class JsonObject {
    private final JsonNode node;
    private final String where;
    private final String what;

    JsonObject(JsonNode node, String where, String what) {
        this.node = node;
        this.where = where;
        this.what = what;
        if (node == null || !node.isObject()) throw fail(what + " must be a JSON object");
    }

    CaptureException fail(String message) {
        return new CaptureException(where + ": " + message);
    }

    String where() {
        return where;
    }

    boolean has(String key) {
        JsonNode v = node.get(key);
        return v != null && !v.isNull();
    }

    JsonNode raw(String key) {
        return node.get(key);
    }

    /** Rejects keys this record kind does not have (typos in hand-written captures). */
    void onlyKeys(Set<String> allowed) {
        Iterator<String> it = node.fieldNames();
        while (it.hasNext()) {
            String k = it.next();
            if (!allowed.contains(k)) throw fail("unknown key '" + k + "' in " + what + " (known keys: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
        }
    }

    String str(String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) throw fail(what + " has no '" + key + "'");
        if (!v.isTextual()) throw fail("'" + key + "' in " + what + " must be a string");
        return v.textValue();
    }

    String str(String key, String dflt) {
        return has(key) ? str(key) : dflt;
    }

    long lng(String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) throw fail(what + " has no '" + key + "'");
        if (!v.isIntegralNumber() || !v.canConvertToLong()) throw fail("'" + key + "' in " + what + " must be an integer");
        return v.longValue();
    }

    long lng(String key, long dflt) {
        return has(key) ? lng(key) : dflt;
    }

    /** An integer written as a number or as a "0x..." hex string (capability sets). */
    long hex(String key, long dflt) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) return dflt;
        if (v.isTextual() && v.textValue().startsWith("0x")) {
            try {
                return Long.parseUnsignedLong(v.textValue().substring(2), 16);
            } catch (NumberFormatException e) {
                throw fail("'" + key + "' in " + what + " is not a hex number: " + v.textValue());
            }
        }
        return lng(key);
    }

    boolean bool(String key, boolean dflt) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) return dflt;
        if (!v.isBoolean()) throw fail("'" + key + "' in " + what + " must be true or false");
        return v.booleanValue();
    }

    Boolean boolOrNull(String key) {
        return has(key) ? bool(key, false) : null;
    }

    List<String> strList(String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) return List.of();
        if (!v.isArray()) throw fail("'" + key + "' in " + what + " must be an array of strings");
        List<String> out = new ArrayList<>(v.size());
        for (JsonNode item : v) {
            if (!item.isTextual()) throw fail("'" + key + "' in " + what + " must hold only strings");
            out.add(item.textValue());
        }
        return out;
    }

    Map<String, String> strMap(String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) return Map.of();
        return strMap(v, "'" + key + "' in " + what);
    }

    Map<String, String> strMap(JsonNode v, String label) {
        if (!v.isObject()) throw fail(label + " must be an object of strings");
        Map<String, String> out = new LinkedHashMap<>();
        for (var e : v.properties()) {
            if (!e.getValue().isTextual()) throw fail(label + " must hold only string values ('" + e.getKey() + "' is not)");
            out.put(e.getKey(), e.getValue().textValue());
        }
        return out;
    }

    JsonObject obj(String key) {
        return new JsonObject(node.get(key), where, "'" + key + "' in " + what);
    }
}
