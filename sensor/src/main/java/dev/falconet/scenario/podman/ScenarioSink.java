package dev.falconet.scenario.podman;

import dev.falconet.capture.CaptureWriter;
import dev.falconet.event.Event;
import dev.falconet.scenario.run.AlertCollector;
import dev.falconet.sensor.pipeline.EventSink;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The end of the live pipeline in a scenario run: events of the run ({@link LiveScope}) go through the
 * scenario's rules; with recording, the events of the steps' processes and every event that alerted are
 * written to the capture (with the thread and container records they need). Also watches for the sync
 * marker that tells the backend the sensor has caught up.
 */
final class ScenarioSink implements EventSink {
    private record Marker(String token, CountDownLatch seen) {}

    private final LiveScope scope;
    private final AlertCollector collector;
    private final CaptureWriter writer;
    private final AtomicReference<Marker> marker = new AtomicReference<>();
    private long written;
    private volatile long alerts;

    ScenarioSink(LiveScope scope, AlertCollector collector, CaptureWriter writer) {
        this.scope = scope;
        this.collector = collector;
        this.writer = writer;
    }

    /** Arms the sync marker: the latch opens once an event of a process with this argument is seen. */
    CountDownLatch expect(String token) {
        Marker m = new Marker(token, new CountDownLatch(1));
        marker.set(m);
        return m.seen();
    }

    @Override
    public void accept(Event e) {
        Marker m = marker.get();
        if (m != null && e.thread().args().contains(m.token())) {
            m.seen().countDown();
            marker.compareAndSet(m, null);
            return;
        }
        if (!scope.contains(e.thread())) return;
        int n = collector.accept(e);
        alerts += n;
        if (writer != null && (n > 0 || collector.steps().stepOf(e.thread()) != null)) {
            writer.write(e);
            written++;
        }
    }

    /** Events written to the capture. */
    long written() {
        return written;
    }

    @Override
    public long alerts() {
        return alerts;
    }

    @Override
    public void close() {
        if (writer != null) writer.close();
    }
}
