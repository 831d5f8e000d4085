package dev.falconet.output;

import dev.falconet.rules.Priority;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One alert, with everything Falco puts in its JSON alert. Every output (stdout, JSON, file,
 * HTTP, Telegram) and the app's feed take this.
 *
 * @param timeNanos    event time, epoch nanoseconds
 * @param rule         rule name
 * @param priority     rule priority
 * @param source       event source ({@code syscall})
 * @param tags         rule tags, sorted
 * @param hostname     host the event happened on
 * @param output       Falco's full text line: {@code <time>: <Priority> <message>} (not JSON-escaped)
 * @param message      the rule's formatted output alone (no time, no priority)
 * @param outputFields field name to typed value (String, Long, Boolean, or null when missing), sorted by name
 * @param uuid         a unique id of this alert
 */
public record Alert(long timeNanos, String rule, Priority priority, String source, List<String> tags,
                    String hostname, String output, String message, Map<String, Object> outputFields, String uuid) {
    public Alert {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(uuid, "uuid");
        tags = List.copyOf(tags);
        hostname = hostname == null ? "" : hostname;
        message = message == null ? "" : message;
        // values may be null (missing field), so no Map.copyOf
        outputFields = Collections.unmodifiableMap(new LinkedHashMap<>(outputFields));
    }
}
