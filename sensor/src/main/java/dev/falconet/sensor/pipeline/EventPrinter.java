package dev.falconet.sensor.pipeline;

import dev.falconet.event.Arg;
import dev.falconet.event.Event;
import dev.falconet.event.ThreadInfo;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Prints each event as one line, in the spirit of {@code sysdig}'s default format:
 * number, time, process name (tid), container, {@code <} (exit), type, then {@code name=value} arguments
 * and the fd name.
 */
public final class EventPrinter implements EventSink {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSSSSS").withZone(ZoneId.systemDefault());
    private final PrintStream out;

    public EventPrinter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void accept(Event e) {
        out.println(format(e));
    }

    public static String format(Event e) {
        ThreadInfo t = e.thread();
        StringBuilder sb = new StringBuilder(160);
        sb.append(e.num()).append(' ')
                .append(TIME.format(Instant.ofEpochSecond(0, e.ts()))).append(' ')
                .append(t.comm()).append(" (").append(t.tid()).append(") ")
                .append(t.container() == null ? "host" : t.container().id()).append(" < ")
                .append(e.typeName());
        for (Arg a : e.args()) sb.append(' ').append(a.name()).append('=').append(a.rendered());
        if (e.fd() != null && !e.fd().name().isEmpty()) sb.append(" fd.name=").append(e.fd().name());
        return sb.toString();
    }

    @Override
    public void close() {
        out.flush();
    }
}
