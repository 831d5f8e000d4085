package dev.falconet.capture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.falconet.event.ContainerInfo;
import dev.falconet.event.Event;
import dev.falconet.event.ThreadInfo;
import dev.falconet.event.ThreadTable;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads a capture as a stream of events (docs/capture-format.md). Thread and container records
 * update a {@link ThreadTable} as they come, so each event sees the process state of its moment:
 * handle every event before asking for the next one (thread objects are updated in place, as in
 * the live sensor). Every problem is a {@link CaptureException} whose message names file:line.
 */
public final class CaptureReader implements Closeable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BufferedReader in;
    private final String name;
    private final CaptureHeader header;
    private final ThreadTable threads = new ThreadTable();
    private final Map<String, ContainerInfo> containers = new HashMap<>();
    private int line;

    /** Reads from a stream; {@code name} is what error messages call it. The header is read at once. */
    public CaptureReader(InputStream stream, String name) {
        this.in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
        this.name = name;
        this.header = readHeader();
    }

    /** Opens a capture file. */
    public static CaptureReader open(Path file) {
        try {
            return new CaptureReader(Files.newInputStream(file), file.toString());
        } catch (IOException e) {
            throw new CaptureException("cannot read capture " + file + ": " + e.getMessage(), e);
        }
    }

    /** Calls {@code handler} for every event of a capture file, in order. */
    public static void replay(Path file, Consumer<Event> handler) {
        try (CaptureReader r = open(file)) {
            for (Event e = r.next(); e != null; e = r.next()) handler.accept(e);
        }
    }

    public CaptureHeader header() {
        return header;
    }

    /** The thread table built so far. */
    public ThreadTable threads() {
        return threads;
    }

    /** The containers defined so far, by id. */
    public Map<String, ContainerInfo> containers() {
        return Collections.unmodifiableMap(containers);
    }

    /** The next event, or null at the end of the capture. */
    public Event next() {
        for (JsonNode node = nextRecord(); node != null; node = nextRecord()) {
            JsonNode kind = node.get("kind");
            if (kind == null || !kind.isTextual()) throw fail("record has no \"kind\" (thread, container or event)");
            switch (kind.textValue()) {
                case RecordCodec.KIND_THREAD -> applyThread(RecordCodec.readThread(obj(node, "thread record")));
                case RecordCodec.KIND_CONTAINER -> applyContainer(RecordCodec.readContainer(obj(node, "container record")));
                case RecordCodec.KIND_EVENT -> {
                    return toEvent(RecordCodec.readEvent(obj(node, "event record")));
                }
                default -> throw fail("unknown record kind '" + kind.textValue() + "' (expected thread, container or event)");
            }
        }
        return null;
    }

    /** Every remaining event. Their thread objects hold the state at the end of the capture: use {@link #next()} to see each event's own. */
    public List<Event> readAll() {
        List<Event> out = new ArrayList<>();
        for (Event e = next(); e != null; e = next()) out.add(e);
        return out;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new CaptureException("cannot close capture " + name + ": " + e.getMessage(), e);
        }
    }

    private CaptureHeader readHeader() {
        JsonNode node = nextRecord();
        String notCapture = "not a Falconet capture: the first line must be a header object with \"format\":\""
                + CaptureHeader.FORMAT + "\"";
        if (node == null) throw fail("empty file; " + notCapture);
        JsonNode format = node.get("format");
        if (!node.isObject() || format == null || !CaptureHeader.FORMAT.equals(format.asText())) throw fail(notCapture);
        JsonObject o = obj(node, "header");
        o.onlyKeys(RecordCodec.HEADER_KEYS);
        long version = o.lng("version");
        if (version != CaptureHeader.VERSION) {
            throw fail("unsupported capture version " + version + " (this Falconet reads version " + CaptureHeader.VERSION + ")");
        }
        return new CaptureHeader((int) version, o.str("hostname", ""), o.str("created", ""), o.str("source", ""));
    }

    private JsonNode nextRecord() {
        while (true) {
            String text;
            try {
                text = in.readLine();
            } catch (IOException e) {
                throw new CaptureException(name + ":" + (line + 1) + ": cannot read: " + e.getMessage(), e);
            }
            if (text == null) return null;
            line++;
            if (text.isBlank()) continue;
            try {
                return JSON.readTree(text);
            } catch (JsonProcessingException e) {
                throw fail("not valid JSON: " + e.getOriginalMessage());
            }
        }
    }

    private void applyThread(ThreadState s) {
        if (s.containerId() != null && !containers.containsKey(s.containerId())) {
            throw fail("thread " + s.tid() + " is in container '" + s.containerId() + "', which no earlier container record defines");
        }
        s.applyTo(threads.getOrCreate(s.tid()), containers);
    }

    private void applyContainer(ContainerInfo c) {
        containers.put(c.id(), c);
        for (ThreadInfo t : threads.all()) {
            if (t.container() != null && t.container().id().equals(c.id())) t.container(c);
        }
    }

    private Event toEvent(RecordCodec.EventParts p) {
        try {
            return new Event(p.num(), p.ts(), p.type(), p.res(), p.args(), threads.getOrCreate(p.tid()), p.fd(), p.cpu());
        } catch (IllegalArgumentException e) {
            throw fail("invalid event: " + e.getMessage());
        }
    }

    private JsonObject obj(JsonNode node, String what) {
        return new JsonObject(node, name + ":" + line, what);
    }

    private CaptureException fail(String message) {
        return new CaptureException(name + ":" + Math.max(line, 1) + ": " + message);
    }
}
