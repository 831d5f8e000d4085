package dev.falconet.fields;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Event timestamps as Falco prints them; local time uses the JVM's zone (the TZ environment variable, as libc does). */
public final class EventTime {
    private EventTime() {}

    private static final long NS = 1_000_000_000L;

    /** {@code evt.time}: local time of day with nanoseconds, {@code 13:53:31.726060287}. */
    public static String time(long ts) {
        LocalDateTime t = local(ts);
        StringBuilder sb = new StringBuilder(18);
        two(sb, t.getHour()).append(':');
        two(sb, t.getMinute()).append(':');
        two(sb, t.getSecond()).append('.');
        return nanos(sb, ts).toString();
    }

    /** {@code evt.time.s}: local time of day, {@code 13:53:31}. */
    public static String timeSeconds(long ts) {
        LocalDateTime t = local(ts);
        StringBuilder sb = new StringBuilder(8);
        two(sb, t.getHour()).append(':');
        two(sb, t.getMinute()).append(':');
        return two(sb, t.getSecond()).toString();
    }

    /** {@code evt.datetime}: local date and time with nanoseconds, {@code 2026-01-15 13:53:31.726060287}. */
    public static String dateTime(long ts) {
        return dateTimeSeconds(ts) + "." + nanos(new StringBuilder(9), ts);
    }

    /** {@code evt.datetime.s}: local date and time, {@code 2026-01-15 13:53:31}. */
    public static String dateTimeSeconds(long ts) {
        LocalDateTime t = local(ts);
        StringBuilder sb = new StringBuilder(19);
        sb.append(t.getYear()).append('-');
        two(sb, t.getMonthValue()).append('-');
        two(sb, t.getDayOfMonth()).append(' ');
        two(sb, t.getHour()).append(':');
        two(sb, t.getMinute()).append(':');
        return two(sb, t.getSecond()).toString();
    }

    /** {@code evt.time.iso8601} and the JSON alert's {@code time}: UTC, {@code 2026-01-15T10:53:31.726060287Z}. */
    public static String iso8601(long ts) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(ts, NS), 0, ZoneOffset.UTC);
        StringBuilder sb = new StringBuilder(30);
        sb.append(t.getYear()).append('-');
        two(sb, t.getMonthValue()).append('-');
        two(sb, t.getDayOfMonth()).append('T');
        two(sb, t.getHour()).append(':');
        two(sb, t.getMinute()).append(':');
        two(sb, t.getSecond()).append('.');
        return nanos(sb, ts).append('Z').toString();
    }

    /** Parses {@link #iso8601} text back to epoch nanoseconds. */
    public static long parseIso8601(String text) {
        Instant i = Instant.parse(text);
        return Math.addExact(Math.multiplyExact(i.getEpochSecond(), NS), i.getNano());
    }

    private static LocalDateTime local(long ts) {
        Instant i = Instant.ofEpochSecond(Math.floorDiv(ts, NS));
        return LocalDateTime.ofInstant(i, ZoneId.systemDefault());
    }

    private static StringBuilder two(StringBuilder sb, int v) {
        if (v < 10) sb.append('0');
        return sb.append(v);
    }

    private static StringBuilder nanos(StringBuilder sb, long ts) {
        String n = Long.toString(Math.floorMod(ts, NS));
        for (int i = n.length(); i < 9; i++) sb.append('0');
        return sb.append(n);
    }
}
