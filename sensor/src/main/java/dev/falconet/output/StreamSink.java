package dev.falconet.output;

import java.io.PrintStream;

/**
 * Alerts as lines on a stream (stdout): Falco's text line, or Falco's JSON alert with {@code json}.
 * Optionally also the delivery statuses of other outputs, as JSON lines or readable lines.
 */
public final class StreamSink implements AlertSink, DeliveryListener {
    private final PrintStream out;
    private final boolean json;

    /** Writes to {@code out}; {@code json} selects Falco JSON lines instead of text lines. */
    public StreamSink(PrintStream out, boolean json) {
        this.out = out;
        this.json = json;
    }

    @Override
    public void accept(Alert alert) {
        String line = json ? AlertFormats.json(alert) : AlertFormats.text(alert);
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    /** Prints a delivery status: a JSON line in JSON mode, a {@code delivery: ...} line otherwise. */
    @Override
    public void onStatus(DeliveryStatus status) {
        String line = json ? status.toJson() : "delivery: " + status.toText();
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    @Override
    public void close() {
        out.flush();
    }

    @Override
    public String name() {
        return "stdout";
    }
}
