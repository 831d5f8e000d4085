package dev.falconet.lab.sensor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.falconet.output.Alert;
import dev.falconet.rules.Priority;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one alert in Falco's JSON output format ({@code json_output: true}), the format our sensor
 * streams and Falco prints: {@code {"hostname", "output", "output_fields", "priority", "rule",
 * "source", "tags", "time", "uuid"}}, with {@code "message"} when Falco is told to include it.
 */
public final class FalcoJsonAlerts {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** {@code 15:09:53.526225612: Warning <message>}: Falco's output line prefix. */
    private static final Pattern OUTPUT = Pattern.compile("^\\S+: (\\S+) (.*)$", Pattern.DOTALL);

    private FalcoJsonAlerts() {}

    /** @throws IllegalArgumentException naming what is wrong with the line */
    public static Alert parse(String line) {
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON alert: " + e.getOriginalMessage());
        }
        if (n == null || !n.isObject()) throw new IllegalArgumentException("not a JSON alert: expected an object");
        String rule = required(n, "rule");
        String output = required(n, "output");
        String prio = required(n, "priority");
        Priority priority = Priority.parse(prio)
                .orElseThrow(() -> new IllegalArgumentException("unknown priority \"" + prio + "\" in alert of rule " + rule));
        long time = parseTime(n.path("time").asText(""), rule);
        var tags = new ArrayList<String>();
        n.path("tags").forEach(t -> tags.add(t.asText()));
        tags.sort(null);
        Map<String, Object> fields = new TreeMap<>();
        n.path("output_fields").properties().forEach(e -> fields.put(e.getKey(), value(e.getValue())));
        String message = n.hasNonNull("message") ? n.get("message").asText() : messageOf(output);
        String uuid = n.hasNonNull("uuid") ? n.get("uuid").asText() : UUID.randomUUID().toString();
        return new Alert(time, rule, priority, n.path("source").asText("syscall"), tags, n.path("hostname").asText(""),
                output, message, new LinkedHashMap<>(fields), uuid);
    }

    private static String required(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || v.asText().isEmpty()) {
            throw new IllegalArgumentException("alert has no \"" + field + "\"");
        }
        return v.asText();
    }

    private static long parseTime(String t, String rule) {
        if (t.isEmpty()) return 0;
        try {
            Instant i = Instant.parse(t);
            return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000_000L), i.getNano());
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("bad \"time\" " + t + " in alert of rule " + rule);
        }
    }

    private static Object value(JsonNode v) {
        if (v == null || v.isNull()) return null;
        if (v.isBoolean()) return v.booleanValue();
        if (v.isIntegralNumber() && v.canConvertToLong()) return v.longValue();
        if (v.isValueNode()) return v.asText();
        return v.toString();
    }

    private static String messageOf(String output) {
        Matcher m = OUTPUT.matcher(output);
        return m.matches() && Priority.parse(m.group(1)).isPresent() ? m.group(2) : output;
    }
}
