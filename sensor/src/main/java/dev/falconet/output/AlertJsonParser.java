package dev.falconet.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.falconet.rules.Priority;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Reads a Falco JSON alert back into an {@link Alert}: what {@code http_output} POSTs to falcosidekick, and
 * what {@link AlertFormats#json} writes. Numbers stay exact (long, else BigInteger/BigDecimal).
 */
public final class AlertJsonParser {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private AlertJsonParser() {
    }

    /** Bad alert JSON; the message says what is wrong, for a 400 answer or a log line. */
    public static final class InvalidAlertException extends Exception {
        private static final long serialVersionUID = 1L;

        public InvalidAlertException(String message) {
            super(message);
        }
    }

    /**
     * Parses an alert received from Falco, validating it as falcosidekick does (known priority, non-empty
     * rule, a time, non-empty output_fields). The alert gets a fresh uuid (falcosidekick overwrites it
     * too) and an empty source becomes {@code syscalls}.
     */
    public static Alert parseIncoming(String body) throws InvalidAlertException {
        return parse(body, true);
    }

    /** Parses an alert written by {@link AlertFormats#json}, keeping its uuid. */
    public static Alert parseStored(String json) throws InvalidAlertException {
        return parse(json, false);
    }

    private static Alert parse(String body, boolean incoming) throws InvalidAlertException {
        if (body == null || body.isBlank()) throw new InvalidAlertException("empty body: expected one Falco JSON alert");
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidAlertException("not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
        if (!root.isObject()) throw new InvalidAlertException("expected a JSON object (one Falco alert), got " + root.getNodeType().name().toLowerCase());

        String priorityText = text(root, "priority");
        Priority priority = Priority.parse(priorityText).orElseThrow(() -> new InvalidAlertException(
                "\"priority\" must be one of Emergency, Alert, Critical, Error, Warning, Notice, Informational, Debug; got "
                + (priorityText == null ? "nothing" : "\"" + priorityText + "\"")));
        String rule = text(root, "rule");
        if (rule == null || rule.isEmpty()) throw new InvalidAlertException("\"rule\" is missing or empty");
        String timeText = text(root, "time");
        if (timeText == null || timeText.isEmpty()) throw new InvalidAlertException("\"time\" is missing");
        long timeNanos = parseTime(timeText);
        if (timeNanos == 0) throw new InvalidAlertException("\"time\" is zero");
        JsonNode fieldsNode = root.get("output_fields");
        if (fieldsNode == null || !fieldsNode.isObject() || fieldsNode.isEmpty()) {
            throw new InvalidAlertException("\"output_fields\" is missing or empty: expected an object of field values");
        }
        Map<String, Object> fields = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : fieldsNode.properties()) fields.put(e.getKey(), value(e.getValue()));
        String output = text(root, "output");
        if (output == null) output = "";
        String source = text(root, "source");
        if (source == null || source.isEmpty()) source = "syscalls";
        List<String> tags = new ArrayList<>();
        JsonNode tagsNode = root.get("tags");
        if (tagsNode != null && tagsNode.isArray()) tagsNode.forEach(t -> tags.add(t.asText()));
        tags.sort(null);
        String hostname = text(root, "hostname");
        String message = text(root, "message");
        if (message == null) message = messageOf(output, priority);
        String uuid = text(root, "uuid");
        if (incoming || uuid == null || uuid.isEmpty()) uuid = UUID.randomUUID().toString();
        return new Alert(timeNanos, rule, priority, source, tags, hostname, output, message, fields, uuid);
    }

    private static String text(JsonNode root, String key) throws InvalidAlertException {
        JsonNode n = root.get(key);
        if (n == null || n.isNull()) return null;
        if (!n.isValueNode()) throw new InvalidAlertException("\"" + key + "\" must be a string");
        return n.asText();
    }

    private static long parseTime(String t) throws InvalidAlertException {
        try {
            return AlertFormats.epochNanos(Instant.parse(t));
        } catch (DateTimeParseException e) {
            try {
                return AlertFormats.epochNanos(OffsetDateTime.parse(t).toInstant());
            } catch (DateTimeParseException e2) {
                throw new InvalidAlertException("\"time\" is not an RFC 3339 time like 2023-05-25T13:44:05.478445995Z: \"" + t + "\"");
            }
        }
    }

    /** The rule output alone: the output line after {@code "<time>: <Priority> "}. */
    private static String messageOf(String output, Priority priority) {
        String marker = ": " + priority.display() + " ";
        int i = output.indexOf(marker);
        return i < 0 ? output : output.substring(i + marker.length());
    }

    private static Object value(JsonNode n) {
        if (n == null || n.isNull()) return null;
        if (n.isTextual()) return n.textValue();
        if (n.isBoolean()) return n.booleanValue();
        if (n.isIntegralNumber()) return n.canConvertToLong() ? (Object) n.longValue() : n.bigIntegerValue();
        if (n.isNumber()) return n.decimalValue();
        if (n.isArray()) {
            List<Object> list = new ArrayList<>();
            n.forEach(e -> list.add(value(e)));
            return list;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : n.properties()) m.put(e.getKey(), value(e.getValue()));
        return m;
    }
}
