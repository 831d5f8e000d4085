package dev.falconet.sensor.pipeline;

import dev.falconet.capture.CaptureHeader;
import dev.falconet.capture.CaptureWriter;
import dev.falconet.event.Event;
import java.nio.file.Path;

/** {@code --record FILE}: writes every event, with the state it needs, in the capture format replay reads. */
public final class RecordSink implements EventSink {
    private final CaptureWriter writer;

    public RecordSink(Path file, String hostname) {
        this.writer = CaptureWriter.create(file, CaptureHeader.now(hostname, "sensor"));
    }

    @Override
    public void accept(Event e) {
        writer.write(e);
    }

    public long events() {
        return writer.eventCount();
    }

    @Override
    public void close() {
        writer.close();
    }
}
