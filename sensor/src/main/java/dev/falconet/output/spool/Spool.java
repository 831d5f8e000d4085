package dev.falconet.output.spool;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.CRC32C;

/**
 * A durable FIFO of opaque records on disk, consumed in order by one delivery thread.
 *
 * <p>Layout of the directory:
 * <ul>
 *   <li>{@code <first seq>.seg}: append-only segments of records {@code [len][crc][seq][payload]};</li>
 *   <li>{@code acks.log}: append-only marks {@code [seq][kind][crc]}: SENDING before a send, NOT_SENT when it
 *       certainly failed, DONE when the record is finished (delivered or given up);</li>
 *   <li>{@code checkpoint}: {@code done <seq>}, replaced atomically (write, fsync, rename, fsync directory)
 *       when {@code acks.log} is compacted and on close. Segments entirely done are then deleted.</li>
 * </ul>
 *
 * <p>Durability: every append and every mark is one {@code write(2)} before the call returns, so a killed
 * process (kill -9, crash, OOM) loses nothing and resends nothing it had marked DONE. The data reaches the
 * disk itself at the next {@link #sync()} (the delivery loop calls it at least every few hundred
 * milliseconds): a power cut can lose the alerts appended, and repeat the ones delivered, since the last sync.
 * A record torn by a crash fails its CRC and is cut off at recovery.
 *
 * <p>A record that was marked SENDING but not DONE when the process died may or may not have reached the
 * receiver: {@link Entry#maybeSent()} says so, and the sender marks the repeat as a possible duplicate.
 */
public final class Spool implements Closeable {
    private static final System.Logger LOG = System.getLogger(Spool.class.getName());
    private static final int HEADER = 16;
    private static final int ACK_SIZE = 16;
    private static final int SENDING = 1;
    private static final int DONE = 2;
    private static final int NOT_SENT = 3;
    private static final int MAX_RECORD = 16 << 20;
    private static final long ACKS_COMPACT_BYTES = 1 << 20;
    private final long acksCompactBytes;

    /** One queued record. {@code maybeSent}: a send of it was in flight when a previous process died. */
    public record Entry(long seq, byte[] payload, boolean maybeSent) {
    }

    private record Segment(long firstSeq, Path path) {
    }

    private final Path dir;
    private final long maxEntries;
    private final long segmentBytes;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition appended = lock.newCondition();
    private final List<Segment> segments = new ArrayList<>();
    private FileChannel writer;
    private long writerSize;
    private FileChannel acks;
    private long acksSize;
    private long nextSeq;
    private long done;
    private long maybeSentSeq;
    private boolean dirty;
    private boolean closed;
    // reader position: the record done+1 lives in segments[readSegment] at readOffset
    private int readSegment;
    private long readOffset;
    private FileChannel reader;
    private int readerFor = -1;

    private Spool(Path dir, long maxEntries, long segmentBytes, long acksCompactBytes) {
        this.acksCompactBytes = acksCompactBytes;
        this.dir = dir;
        this.maxEntries = maxEntries;
        this.segmentBytes = segmentBytes;
    }

    /**
     * Opens (and recovers) the spool in {@code dir}, creating it if needed.
     *
     * @param maxEntries how many undelivered records it holds at most; {@link #append} refuses more
     */
    public static Spool open(Path dir, long maxEntries) throws IOException {
        return open(dir, maxEntries, 4L << 20);
    }

    /** {@link #open(Path, long)} with a segment size (tests use small ones). */
    public static Spool open(Path dir, long maxEntries, long segmentBytes) throws IOException {
        return open(dir, maxEntries, segmentBytes, ACKS_COMPACT_BYTES);
    }

    /** {@link #open(Path, long, long)} with the acks.log size that triggers a checkpoint (tests use small ones). */
    static Spool open(Path dir, long maxEntries, long segmentBytes, long acksCompactBytes) throws IOException {
        if (maxEntries < 1) throw new IllegalArgumentException("maxEntries < 1");
        Files.createDirectories(dir);
        Spool s = new Spool(dir, maxEntries, segmentBytes, acksCompactBytes);
        s.recover();
        return s;
    }

    /** The directory. */
    public Path dir() {
        return dir;
    }

    /** Records appended but not yet done. */
    public long pending() {
        lock.lock();
        try {
            return nextSeq - 1 - done;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Appends a record (one write, no fsync).
     *
     * @return its sequence number, or -1 when the spool already holds {@code maxEntries} undelivered records
     */
    public long append(byte[] payload) throws IOException {
        return append(payload, seq -> { });
    }

    /**
     * {@link #append(byte[])}, running {@code onAppended} with the new sequence number before any reader
     * can see the record (so a "queued" status always comes before "sending").
     */
    public long append(byte[] payload, java.util.function.LongConsumer onAppended) throws IOException {
        if (payload.length > MAX_RECORD) throw new IOException("record of " + payload.length + " bytes is larger than " + MAX_RECORD);
        lock.lock();
        try {
            if (closed) throw new IOException("spool " + dir + " is closed");
            if (nextSeq - 1 - done >= maxEntries) return -1;
            if (writerSize >= segmentBytes) rollSegment();
            long seq = nextSeq;
            ByteBuffer buf = ByteBuffer.allocate(HEADER + payload.length);
            buf.putInt(payload.length).putInt(recordCrc(seq, payload)).putLong(seq).put(payload).flip();
            writeFully(writer, buf);
            writerSize += HEADER + payload.length;
            nextSeq++;
            dirty = true;
            onAppended.accept(seq);
            appended.signalAll();
            return seq;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The oldest record not yet done, waiting up to {@code timeout} for one.
     *
     * @return the record, or null when none arrived in time or the spool was closed
     */
    public Entry peek(long timeout, TimeUnit unit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        lock.lock();
        try {
            while (!closed && nextSeq - 1 == done) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return null;
                appended.awaitNanos(left);
            }
            if (closed) return null;
            return readAt(done + 1);
        } finally {
            lock.unlock();
        }
    }

    /** Notes that record {@code seq} is about to be sent (one write, no fsync). */
    public void markSending(long seq) throws IOException {
        mark(seq, SENDING);
    }

    /** Notes that the last send of record {@code seq} certainly did not reach the receiver. */
    public void markNotSent(long seq) throws IOException {
        mark(seq, NOT_SENT);
        lock.lock();
        try {
            if (maybeSentSeq == seq) maybeSentSeq = 0;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Notes that record {@code seq} is finished (delivered, or given up) and moves past it. Must be the
     * oldest record not yet done.
     */
    public void markDone(long seq) throws IOException {
        lock.lock();
        try {
            if (seq != done + 1) throw new IllegalStateException("markDone(" + seq + ") but the oldest pending record is " + (done + 1));
            mark(seq, DONE);
            advanceReader();
            done = seq;
            if (maybeSentSeq == seq) maybeSentSeq = 0;
            if (acksSize >= acksCompactBytes) checkpoint();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Forces appended records and marks to disk (fsync). The fsync runs outside the lock, so appends and
     * marks go on meanwhile (they are covered by the next sync).
     */
    public void sync() throws IOException {
        FileChannel w;
        FileChannel a;
        lock.lock();
        try {
            if (!dirty || closed) return;
            dirty = false;
            w = writer;
            a = acks;
        } finally {
            lock.unlock();
        }
        try {
            w.force(false);
            a.force(false);
        } catch (java.nio.channels.ClosedChannelException e) {
            // rolled to a new segment (forced when rolled) or closed (forced on close) meanwhile
        }
    }

    /** Syncs, writes a checkpoint, deletes finished segments and closes the files. */
    @Override
    public void close() throws IOException {
        lock.lock();
        try {
            if (closed) return;
            writer.force(false);
            acks.force(false);
            checkpoint();
            closed = true;
            appended.signalAll();
            closeChannels();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Closes the files with no sync and no checkpoint, leaving the directory exactly as a killed process
     * would (tests use it to simulate a crash).
     */
    public void abandon() throws IOException {
        lock.lock();
        try {
            closed = true;
            appended.signalAll();
            closeChannels();
        } finally {
            lock.unlock();
        }
    }

    // ---- recovery

    private void recover() throws IOException {
        done = readCheckpoint();
        Path acksPath = dir.resolve("acks.log");
        long sending = 0;
        acks = FileChannel.open(acksPath, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        long size = acks.size();
        long valid = 0;
        ByteBuffer b = ByteBuffer.allocate(ACK_SIZE);
        while (valid + ACK_SIZE <= size) {
            b.clear();
            readFully(acks, b, valid);
            b.flip();
            long seq = b.getLong();
            int kind = b.getInt();
            int crc = b.getInt();
            if (crc != ackCrc(seq, kind) || kind < SENDING || kind > NOT_SENT) break;
            if (kind == DONE) done = Math.max(done, seq);
            else if (kind == SENDING) sending = seq;
            else if (sending == seq) sending = 0;
            valid += ACK_SIZE;
        }
        if (valid < size) {
            LOG.log(System.Logger.Level.WARNING, "spool " + dir + ": cut a torn mark at the end of acks.log");
            acks.truncate(valid);
        }
        acks.position(valid);
        acksSize = valid;
        if (sending > done) maybeSentSeq = sending;

        for (Path p : listSegments()) {
            String name = p.getFileName().toString();
            segments.add(new Segment(Long.parseLong(name.substring(0, name.length() - 4)), p));
        }
        segments.sort((x, y) -> Long.compare(x.firstSeq, y.firstSeq));
        long lastSeq = done;
        long lastEnd = 0;
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            boolean last = i == segments.size() - 1;
            try (FileChannel ch = FileChannel.open(s.path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                long end = scan(ch, s.firstSeq);
                long count = countRecords(ch, end);
                if (count > 0) lastSeq = Math.max(lastSeq, s.firstSeq + count - 1);
                if (end < ch.size()) {
                    if (last) {
                        LOG.log(System.Logger.Level.WARNING, "spool " + dir + ": cut a torn record at the end of " + s.path.getFileName());
                        ch.truncate(end);
                    } else {
                        LOG.log(System.Logger.Level.WARNING, "spool " + dir + ": " + s.path.getFileName() + " is damaged after byte " + end
                                + "; the records after that point are lost");
                    }
                }
                if (last) lastEnd = end;
            }
        }
        nextSeq = lastSeq + 1;
        // finished segments (all records <= done) go, except the one we keep appending to
        while (segments.size() > 1 && segments.get(1).firstSeq - 1 <= done) {
            Files.deleteIfExists(segments.removeFirst().path);
        }
        if (segments.isEmpty()) {
            newSegment(nextSeq);
        } else {
            Segment s = segments.getLast();
            writer = FileChannel.open(s.path, StandardOpenOption.WRITE);
            writer.position(lastEnd);
            writerSize = lastEnd;
        }
        if (segments.getFirst().firstSeq > done + 1 && nextSeq > segments.getFirst().firstSeq) {
            LOG.log(System.Logger.Level.WARNING, "spool " + dir + ": records " + (done + 1) + " to " + (segments.getFirst().firstSeq - 1)
                    + " are missing (segment files deleted by hand?); continuing after them");
            done = segments.getFirst().firstSeq - 1;
        }
        readSegment = 0;
        readOffset = 0;
        positionReaderAfterDone();
        long pending = nextSeq - 1 - done;
        if (pending > 0) {
            LOG.log(System.Logger.Level.INFO, "spool " + dir + ": " + pending + " undelivered alert(s) recovered");
        }
    }

    /** Byte offset where the valid records of a segment end. */
    private static long scan(FileChannel ch, long firstSeq) throws IOException {
        long pos = 0;
        long size = ch.size();
        long expect = firstSeq;
        ByteBuffer h = ByteBuffer.allocate(HEADER);
        while (pos + HEADER <= size) {
            h.clear();
            readFully(ch, h, pos);
            h.flip();
            int len = h.getInt();
            int crc = h.getInt();
            long seq = h.getLong();
            if (len < 0 || len > MAX_RECORD || pos + HEADER + len > size || seq != expect) break;
            ByteBuffer p = ByteBuffer.allocate(len);
            readFully(ch, p, pos + HEADER);
            if (crc != recordCrc(seq, p.array())) break;
            pos += HEADER + len;
            expect++;
        }
        return pos;
    }

    private static long countRecords(FileChannel ch, long end) throws IOException {
        long pos = 0;
        long n = 0;
        ByteBuffer h = ByteBuffer.allocate(4);
        while (pos < end) {
            h.clear();
            readFully(ch, h, pos);
            h.flip();
            pos += HEADER + h.getInt();
            n++;
        }
        return n;
    }

    private void positionReaderAfterDone() throws IOException {
        // walk from the first segment to the record done+1
        while (readSegment < segments.size()) {
            Segment s = segments.get(readSegment);
            if (readSegment + 1 < segments.size() && segments.get(readSegment + 1).firstSeq <= done + 1) {
                readSegment++;
                readOffset = 0;
                continue;
            }
            long seq = s.firstSeq;
            FileChannel ch = readerFor(readSegment);
            ByteBuffer h = ByteBuffer.allocate(4);
            while (seq <= done && readOffset < ch.size()) {
                h.clear();
                readFully(ch, h, readOffset);
                h.flip();
                readOffset += HEADER + h.getInt();
                seq++;
            }
            return;
        }
    }

    // ---- reading

    private Entry readAt(long seq) throws IOException {
        FileChannel ch = readerFor(readSegment);
        long segEnd = readSegment == segments.size() - 1 ? writerSize : ch.size();
        if (readOffset >= segEnd && readSegment + 1 < segments.size()) {
            readSegment++;
            readOffset = 0;
            ch = readerFor(readSegment);
        }
        ByteBuffer h = ByteBuffer.allocate(HEADER);
        readFully(ch, h, readOffset);
        h.flip();
        int len = h.getInt();
        int crc = h.getInt();
        long recSeq = h.getLong();
        if (recSeq != seq) throw new IOException("spool " + dir + ": expected record " + seq + " but found " + recSeq);
        ByteBuffer p = ByteBuffer.allocate(len);
        readFully(ch, p, readOffset + HEADER);
        if (crc != recordCrc(seq, p.array())) throw new IOException("spool " + dir + ": record " + seq + " is damaged");
        return new Entry(seq, p.array(), seq == maybeSentSeq);
    }

    private void advanceReader() throws IOException {
        FileChannel ch = readerFor(readSegment);
        ByteBuffer h = ByteBuffer.allocate(4);
        readFully(ch, h, readOffset);
        h.flip();
        readOffset += HEADER + h.getInt();
        long segEnd = readSegment == segments.size() - 1 ? writerSize : ch.size();
        if (readOffset >= segEnd && readSegment + 1 < segments.size()) {
            readSegment++;
            readOffset = 0;
        }
    }

    private FileChannel readerFor(int index) throws IOException {
        if (readerFor != index) {
            if (reader != null) reader.close();
            reader = FileChannel.open(segments.get(index).path, StandardOpenOption.READ);
            readerFor = index;
        }
        return reader;
    }

    // ---- writing

    private void mark(long seq, int kind) throws IOException {
        lock.lock();
        try {
            if (closed) throw new IOException("spool " + dir + " is closed");
            ByteBuffer b = ByteBuffer.allocate(ACK_SIZE);
            b.putLong(seq).putInt(kind).putInt(ackCrc(seq, kind)).flip();
            writeFully(acks, b);
            acksSize += ACK_SIZE;
            dirty = true;
        } finally {
            lock.unlock();
        }
    }

    private void rollSegment() throws IOException {
        writer.force(false);
        writer.close();
        acks.force(false);
        deleteFinishedSegments();
        newSegment(nextSeq);
    }

    private void newSegment(long firstSeq) throws IOException {
        Path p = dir.resolve(String.format("%020d.seg", firstSeq));
        writer = FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        writerSize = 0;
        segments.add(new Segment(firstSeq, p));
        fsyncDir();
    }

    /** Atomically records {@code done}, empties acks.log and deletes finished segments. */
    private void checkpoint() throws IOException {
        writer.force(false);
        Path tmp = dir.resolve("checkpoint.tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            writeFully(ch, ByteBuffer.wrap(("done " + done + "\n").getBytes(StandardCharsets.US_ASCII)));
            ch.force(true);
        }
        try {
            Files.move(tmp, dir.resolve("checkpoint"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("spool " + dir + ": the file system cannot rename atomically", e);
        }
        fsyncDir();
        // the checkpoint is durable: the marks before it are no longer needed
        acks.truncate(0);
        acks.position(0);
        acks.force(true);
        acksSize = 0;
        deleteFinishedSegments();
    }

    /** Deletes segments whose records are all done; the marks saying so must be on disk already. */
    private void deleteFinishedSegments() throws IOException {
        while (segments.size() > 1 && segments.get(1).firstSeq - 1 <= done && readSegment > 0) {
            Files.deleteIfExists(segments.removeFirst().path);
            readSegment--;
            if (readerFor == 0) {
                reader.close();
                reader = null;
                readerFor = -1;
            } else if (readerFor > 0) {
                readerFor--;
            }
        }
    }

    private long readCheckpoint() throws IOException {
        Path p = dir.resolve("checkpoint");
        if (!Files.exists(p)) return 0;
        String s = Files.readString(p, StandardCharsets.US_ASCII).trim();
        if (!s.startsWith("done ")) throw new IOException("spool " + dir + ": checkpoint file is damaged: '" + s + "'");
        try {
            return Long.parseLong(s.substring(5).trim());
        } catch (NumberFormatException e) {
            throw new IOException("spool " + dir + ": checkpoint file is damaged: '" + s + "'");
        }
    }

    private List<Path> listSegments() throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.seg")) {
            for (Path p : ds) if (p.getFileName().toString().matches("\\d{20}\\.seg")) out.add(p);
        }
        return out;
    }

    private void fsyncDir() throws IOException {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        }
    }

    private void closeChannels() throws IOException {
        if (reader != null) reader.close();
        writer.close();
        acks.close();
    }

    private static void writeFully(FileChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) ch.write(b);
    }

    private static void readFully(FileChannel ch, ByteBuffer b, long pos) throws IOException {
        long p = pos;
        while (b.hasRemaining()) {
            int n = ch.read(b, p);
            if (n < 0) throw new IOException("unexpected end of spool file");
            p += n;
        }
    }

    private static int recordCrc(long seq, byte[] payload) {
        CRC32C c = new CRC32C();
        c.update(ByteBuffer.allocate(8).putLong(0, seq));
        c.update(payload);
        return (int) c.getValue();
    }

    private static int ackCrc(long seq, int kind) {
        CRC32C c = new CRC32C();
        c.update(ByteBuffer.allocate(12).putLong(0, seq).putInt(8, kind));
        return (int) c.getValue();
    }
}
