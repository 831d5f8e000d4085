package dev.falconet.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the time and size arguments of the commands: {@code 30s}, {@code 500ms}, {@code 2m}, {@code 16M}. */
final class Durations {
    private static final Pattern TIME = Pattern.compile("(\\d+)(ms|s|m|h)?");
    private static final Pattern SIZE = Pattern.compile("(\\d+)([KMG])?i?B?", Pattern.CASE_INSENSITIVE);

    private Durations() {}

    /** Nanoseconds; a bare number is seconds. */
    static long parse(String text, String option) {
        Matcher m = TIME.matcher(text.strip());
        if (!m.matches()) throw new IllegalArgumentException(option + ": '" + text + "' is not a time (use e.g. 30s, 500ms, 2m)");
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        long nanos = switch (unit) {
            case "ms" -> n * 1_000_000L;
            case "m" -> n * 60_000_000_000L;
            case "h" -> n * 3_600_000_000_000L;
            default -> n * 1_000_000_000L;
        };
        if (nanos <= 0) throw new IllegalArgumentException(option + ": must be more than zero");
        return nanos;
    }

    /** Bytes; a bare number is bytes. */
    static long parseSize(String text, String option) {
        Matcher m = SIZE.matcher(text.strip());
        if (!m.matches()) throw new IllegalArgumentException(option + ": '" + text + "' is not a size (use e.g. 16M)");
        long n = Long.parseLong(m.group(1));
        long mult = m.group(2) == null ? 1 : switch (Character.toUpperCase(m.group(2).charAt(0))) {
            case 'K' -> 1L << 10;
            case 'M' -> 1L << 20;
            default -> 1L << 30;
        };
        long bytes = n * mult;
        if (Long.bitCount(bytes) != 1 || bytes < 4096)
            throw new IllegalArgumentException(option + ": " + text + " must be a power of two of at least 4K (e.g. 16M)");
        return bytes;
    }
}
