package dev.falconet.lab.sensor;

import dev.falconet.output.Alert;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Reads the sensor's alert stream (one Falco JSON alert per line over TCP) on a background thread and
 * hands each alert on. Lines that are not alerts are reported as problems, not thrown.
 */
public final class AlertStream implements AutoCloseable {
    private final Socket socket;
    private final Thread reader;
    private volatile boolean closing;

    private AlertStream(Socket socket, Consumer<Alert> alerts, Consumer<String> problems) {
        this.socket = socket;
        this.reader = Thread.ofVirtual().name("falconet-alert-stream").start(() -> read(alerts, problems));
    }

    /**
     * Connects and starts reading.
     *
     * @param problems gets unreadable lines and the reason the stream ended
     */
    public static AlertStream connect(String host, int port, int connectTimeoutMs, Consumer<Alert> alerts,
                                      Consumer<String> problems) throws IOException {
        var s = new Socket();
        s.connect(new InetSocketAddress(host, port), connectTimeoutMs);
        return new AlertStream(s, alerts, problems);
    }

    private void read(Consumer<Alert> alerts, Consumer<String> problems) {
        long lineNo = 0;
        try (var r = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) continue;
                try {
                    alerts.accept(FalcoJsonAlerts.parse(line));
                } catch (IllegalArgumentException e) {
                    problems.accept("alert stream line " + lineNo + ": " + e.getMessage());
                }
            }
            if (!closing) problems.accept("the sensor closed the alert stream");
        } catch (IOException e) {
            if (!closing) problems.accept("alert stream broke: " + e.getMessage());
        }
    }

    /** Waits until the stream ends (the sensor closed it, or {@link #close()}). */
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
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
