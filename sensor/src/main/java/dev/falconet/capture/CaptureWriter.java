package dev.falconet.capture;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.falconet.event.ContainerInfo;
import dev.falconet.event.Event;
import dev.falconet.event.ThreadInfo;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes a capture (docs/capture-format.md): the header, then for each event the container and
 * thread records it needs (the thread, its main thread and all ancestors) when they are new or
 * changed since they were last written, then the event itself. The state written is the state
 * at the time of {@link #write}, so write each event as it happens.
 */
public final class CaptureWriter implements Closeable, Flushable {
    private static final JsonFactory JSON = new JsonFactory();

    private final Writer out;
    private final String name;
    private final Map<Long, ThreadState> threads = new HashMap<>();
    private final Map<String, ContainerInfo> containers = new HashMap<>();
    private long events;
    private java.util.function.Predicate<ThreadInfo> inside = t -> true;
    private java.util.function.Predicate<ThreadInfo> omitted = t -> false;

    /** A writer on a stream; {@code name} is used in error messages. */
    public CaptureWriter(OutputStream stream, String name, CaptureHeader header) {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
        this.name = name;
        record(g -> RecordCodec.writeHeader(g, header));
    }

    /** Creates (or replaces) a capture file. */
    public static CaptureWriter create(Path file, CaptureHeader header) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            return new CaptureWriter(Files.newOutputStream(file), file.toString(), header);
        } catch (IOException e) {
            throw new CaptureException("cannot create capture " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the arguments and environment only of the threads this predicate accepts; the others (the
     * recording machine's own processes, ancestors of the recorded ones) keep their names and paths but get
     * empty {@code args} and {@code env}: a capture committed to git must not carry what the machine's other
     * processes were started with. Returns this writer.
     */
    public CaptureWriter redactThreadsOutside(java.util.function.Predicate<ThreadInfo> keep) {
        this.inside = java.util.Objects.requireNonNull(keep, "keep");
        return this;
    }

    /**
     * Leaves out the thread records this predicate accepts (e.g. the recording machine's processes above the
     * recorder): the written chain of ancestors stops below them, as if their parent were unknown. Returns this writer.
     */
    public CaptureWriter omitThreads(java.util.function.Predicate<ThreadInfo> omit) {
        this.omitted = java.util.Objects.requireNonNull(omit, "omit");
        return this;
    }

    /** Appends one event, preceded by the state records it needs. */
    public void write(Event e) {
        for (ThreadInfo t : RecordCodec.chain(e.thread())) {
            if (omitted.test(t) && t != e.thread()) continue;
            ContainerInfo c = t.container();
            if (c != null && !c.equals(containers.get(c.id()))) {
                containers.put(c.id(), c);
                record(g -> RecordCodec.writeContainer(g, c));
            }
            ThreadState full = ThreadState.of(t);
            ThreadState state = inside.test(t) ? full : full.redacted();
            if (!state.equals(threads.get(t.tid()))) {
                threads.put(t.tid(), state);
                record(g -> RecordCodec.writeThread(g, state));
            }
        }
        record(g -> RecordCodec.writeEvent(g, e));
        events++;
    }

    /** Events written so far. */
    public long eventCount() {
        return events;
    }

    @Override
    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new CaptureException("cannot write capture " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new CaptureException("cannot write capture " + name + ": " + e.getMessage(), e);
        }
    }

    private interface RecordBody {
        void write(JsonGenerator g) throws IOException;
    }

    private void record(RecordBody body) {
        try {
            StringWriter sw = new StringWriter(256);
            try (JsonGenerator g = JSON.createGenerator(sw)) {
                body.write(g);
            }
            out.write(sw.toString());
            out.write('\n');
        } catch (IOException e) {
            throw new CaptureException("cannot write capture " + name + ": " + e.getMessage(), e);
        }
    }
}
