package dev.falconet.output;

import dev.falconet.rules.Priority;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Falco's two alert formats, byte for byte: the text line ({@code stdout_output} / {@code file_output}
 * without {@code json_output}) and the JSON alert ({@code json_output: true}).
 */
public final class AlertFormats {
    private AlertFormats() {
    }

    /**
     * Falco's full output line before escaping: {@code <time>: <Priority> <message>}, the time being the
     * local time of day with nanoseconds ({@code 13:53:31.726060287}) in {@code zone}.
     */
    public static String outputLine(long timeNanos, Priority priority, String message, ZoneId zone) {
        return timeOfDay(timeNanos, zone) + ": " + priority.display() + " " + message;
    }

    /** {@link #outputLine(long, Priority, String, ZoneId)} in the system time zone, as Falco does. */
    public static String outputLine(long timeNanos, Priority priority, String message) {
        return outputLine(timeNanos, priority, message, ZoneId.systemDefault());
    }

    /**
     * The text line Falco prints: the alert's output line JSON-string-escaped without the outer quotes
     * ({@code "} as {@code \"}, backslash as {@code \\}, newline as {@code \n}, other control characters
     * as {@code \}{@code u00xx}). No trailing newline.
     */
    public static String text(Alert alert) {
        return FalcoJson.escape(alert.output());
    }

    /**
     * Falco's JSON alert on one line, keys sorted: {@code hostname, output, output_fields, priority, rule,
     * source, tags, time, uuid}. {@code output_fields} keeps the value types (null for a missing value).
     * No trailing newline.
     */
    public static String json(Alert alert) {
        StringBuilder sb = new StringBuilder(512);
        sb.append("{\"hostname\":");
        FalcoJson.write(sb, alert.hostname());
        sb.append(",\"output\":");
        FalcoJson.write(sb, alert.output());
        sb.append(",\"output_fields\":");
        FalcoJson.write(sb, alert.outputFields());
        sb.append(",\"priority\":");
        FalcoJson.write(sb, alert.priority().display());
        sb.append(",\"rule\":");
        FalcoJson.write(sb, alert.rule());
        sb.append(",\"source\":");
        FalcoJson.write(sb, alert.source());
        sb.append(",\"tags\":");
        FalcoJson.write(sb, alert.tags());
        sb.append(",\"time\":");
        FalcoJson.write(sb, isoTime(alert.timeNanos()));
        sb.append(",\"uuid\":");
        FalcoJson.write(sb, alert.uuid());
        return sb.append('}').toString();
    }

    /** UTC ISO 8601 with nine fraction digits and {@code Z}: {@code 2023-05-25T13:44:05.478445995Z}. */
    public static String isoTime(long timeNanos) {
        ZonedDateTime t = instant(timeNanos).atZone(ZoneOffset.UTC);
        return String.format("%04d-%02d-%02dT%02d:%02d:%02d.%09dZ", t.getYear(), t.getMonthValue(),
                t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond(), t.getNano());
    }

    /** Local time of day with nine fraction digits: {@code 13:53:31.726060287}. */
    public static String timeOfDay(long timeNanos, ZoneId zone) {
        LocalTime t = instant(timeNanos).atZone(zone).toLocalTime();
        return String.format("%02d:%02d:%02d.%09d", t.getHour(), t.getMinute(), t.getSecond(), t.getNano());
    }

    /** Epoch nanoseconds as an {@link Instant}. */
    public static Instant instant(long timeNanos) {
        return Instant.ofEpochSecond(Math.floorDiv(timeNanos, 1_000_000_000L), Math.floorMod(timeNanos, 1_000_000_000L));
    }

    /** An {@link Instant} as epoch nanoseconds. */
    public static long epochNanos(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    }
}
