package dev.falconet.lab.sensor;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code --stats} line of the sensor ({@code falconet stats: captured 1200 ev/s, evaluated 1100 ev/s,
 * dropped 0 (0 ev/s), alerts 2 | totals: ...}), as numbers.
 *
 * @param capturedPerSecond  records read from the ring per second in the last interval
 * @param evaluatedPerSecond events run through the rules per second
 * @param droppedTotal       records the kernel could not hand over since the start
 * @param alertsTotal        alerts raised since the start
 */
public record SensorStatsLine(double capturedPerSecond, double evaluatedPerSecond, long droppedTotal, long alertsTotal) {
    private static final Pattern LINE = Pattern.compile("falconet stats: captured ([0-9.]+) ev/s, evaluated ([0-9.]+) ev/s, dropped \\d+ "
            + "\\([0-9.]+ ev/s\\), alerts \\d+ \\| totals: captured \\d+, evaluated \\d+, dropped (\\d+), alerts (\\d+)");

    /** The numbers of a stats line, or empty for any other line. */
    public static Optional<SensorStatsLine> parse(String line) {
        Matcher m = LINE.matcher(line);
        if (!m.find()) return Optional.empty();
        return Optional.of(new SensorStatsLine(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
                Long.parseLong(m.group(3)), Long.parseLong(m.group(4))));
    }
}
