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

    /**
     * Reads a capture from a stream (an app resource, a download): the first bytes say whether it is
     * a .scap file (plain or gzip) or a Falconet JSON Lines capture. {@code name} is used in messages.
     */
    static EventSource open(java.io.InputStream raw, String name) {
        java.io.BufferedInputStream b = new java.io.BufferedInputStream(raw, 1 << 16);
        byte[] head;
        try {
            b.mark(4);
            head = b.readNBytes(4);
            b.reset();
        } catch (java.io.IOException e) {
            throw new CaptureException(name + ": cannot read: " + e.getMessage(), e);
        }
        boolean gzip = head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
        boolean scap = head.length == 4 && head[0] == 0x0A && head[1] == 0x0D && head[2] == 0x0D && head[3] == 0x0A;
        if (gzip || scap) {
            ScapReader r = new ScapReader(b, name, t -> true);
            return of(r);
        }
        CaptureReader r = new CaptureReader(b, name);
        return of(r);
    }

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
            return of(r);
        }
        CaptureReader r = CaptureReader.open(file);
        return of(r);
    }

    private static EventSource of(ScapReader r) {
        return new EventSource() {
            public Event next() { return r.next(); }
            public long eventsRead() { return r.scapEvents(); }
            public void close() { r.close(); }
        };
    }

    private static EventSource of(CaptureReader r) {
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
