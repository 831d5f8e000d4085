package dev.falconet.lab.sensor;

import dev.falconet.output.Alert;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Reads the sensor's output (one Falco JSON alert per line, mixed with the sensor's own notice lines as
 * a pod log has them) on a background thread and hands each alert on. Nothing is thrown: lines that
 * look like JSON but are not alerts are reported as problems, other lines as the sensor's notices.
 */
public final class AlertStream implements AutoCloseable {
    /** Where the lines go besides alerts. */
    public record Sinks(Consumer<Alert> alerts, Consumer<String> notices, Consumer<String> problems) {}

    private final InputStream in;
    private final AutoCloseable source;
    private final Thread reader;
    private volatile boolean closing;

    private AlertStream(InputStream in, AutoCloseable source, Sinks sinks) {
        this.in = in;
        this.source = source;
        this.reader = Thread.ofVirtual().name("falconet-alert-stream").start(() -> read(sinks));
    }

    /**
     * Starts reading {@code in}; {@code source} (the log watch, the socket) is closed with the stream.
     * {@code problems} also gets the reason the stream ended.
     */
    public static AlertStream of(InputStream in, AutoCloseable source, Sinks sinks) {
        return new AlertStream(in, source, sinks);
    }

    private void read(Sinks sinks) {
        long lineNo = 0;
        try (var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) continue;
                if (!line.stripLeading().startsWith("{")) {
                    sinks.notices().accept(line);
                    continue;
                }
                try {
                    sinks.alerts().accept(FalcoJsonAlerts.parse(line));
                } catch (IllegalArgumentException e) {
                    sinks.problems().accept("alert stream line " + lineNo + ": " + e.getMessage());
                }
            }
            if (!closing) sinks.problems().accept("the sensor's output ended (pod stopped or restarted?)");
        } catch (IOException e) {
            if (!closing) sinks.problems().accept("alert stream broke: " + e.getMessage());
        }
    }

    /** Waits until the stream ends (the sensor went away, or {@link #close()}). */
    public void awaitEnd() throws InterruptedException {
        reader.join();
    }

    public boolean isOpen() {
        return reader.isAlive();
    }

    @Override
    public void close() {
        closing = true;
        try {
            source.close();
        } catch (Exception ignored) {
            // closing anyway
        }
        try {
            in.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
