package dev.falconet.capture;

import dev.falconet.event.Event;
import dev.falconet.scap.ScapReader;
import java.io.Closeable;
import java.nio.file.Path;
import java.util.function.IntPredicate;

/**
 * A stream of events from a capture file, whatever its format: a Falconet JSON Lines capture or a
 * Falco/sysdig {@code .scap} file (plain or gzip). The format is told by the file's first bytes,
 * not by its name. Problems are {@link CaptureException}s naming the file and the line or byte offset.
 */
public interface EventSource extends Closeable {
    /** The next event, or null at the end. Handle each event before asking for the next (thread state is updated in place). */
    Event next();

    /** Events read from the file so far, as the capture's own tools count them (for .scap: what libsinsp returns). */
    long eventsRead();

    @Override
    void close();

    /** Opens a capture and delivers every event. */
    static EventSource open(Path file) {
        return open(file, t -> true);
    }

    /**
     * Opens a capture; {@code wanted} says which event types (ids of {@link dev.falconet.event.EventTypes}) the
     * caller needs: a .scap reader skips the decoding of other events that do not change state.
     */
    static EventSource open(Path file, IntPredicate wanted) {
        if (ScapReader.isScap(file)) {
            ScapReader r = ScapReader.open(file, wanted);
            return new EventSource() {
                public Event next() { return r.next(); }
                public long eventsRead() { return r.scapEvents(); }
                public void close() { r.close(); }
            };
        }
        CaptureReader r = CaptureReader.open(file);
        return new EventSource() {
            private long n;
            public Event next() {
                Event e = r.next();
                if (e != null) n++;
                return e;
            }
            public long eventsRead() { return n; }
            public void close() { r.close(); }
        };
    }
}
