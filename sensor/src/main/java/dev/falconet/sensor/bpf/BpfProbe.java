package dev.falconet.sensor.bpf;

import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * The Falconet eBPF probe, loaded from the object embedded in the jar: opened from memory,
 * sized (ring buffer), told which process to ignore (the sensor itself), loaded, and every
 * program attached. Closing detaches and frees everything.
 */
public final class BpfProbe implements AutoCloseable {
    /** Where the build puts the compiled probe inside the jar. */
    public static final String RESOURCE = "/dev/falconet/sensor/bpf/falconet.bpf.o";
    public static final String RING_MAP = "events";
    public static final String SYSCALL_MAP = "syscalls";
    public static final String COUNTER_MAP = "counters";

    private final Libbpf bpf;
    private final Arena arena;
    private final MemorySegment obj;
    private final List<MemorySegment> links = new ArrayList<>();
    private final List<String> attached = new ArrayList<>();
    private final long ringBytes;
    private boolean closed;

    private BpfProbe(Libbpf bpf, Arena arena, MemorySegment obj, long ringBytes) {
        this.bpf = bpf;
        this.arena = arena;
        this.obj = obj;
        this.ringBytes = ringBytes;
    }

    /** Whether the jar carries a compiled probe (it does not when clang was missing at build time). */
    public static boolean embedded() {
        return BpfProbe.class.getResource(RESOURCE) != null;
    }

    /**
     * Loads and attaches the probe.
     *
     * @param ringBytes  ring buffer size: a power of two, at least one page
     * @param ignoreTgid a process whose syscalls are not traced (the sensor's own), 0 for none
     */
    public static BpfProbe open(long ringBytes, long ignoreTgid) {
        if (Long.bitCount(ringBytes) != 1 || ringBytes < 4096 || ringBytes > (1L << 30))
            throw new IllegalArgumentException("ring size must be a power of two between 4 KiB and 1 GiB, got " + ringBytes);
        byte[] image = readImage();
        Libbpf bpf = Libbpf.get();
        Arena arena = Arena.ofShared();
        MemorySegment buf = arena.allocate(image.length, 8);
        MemorySegment.copy(MemorySegment.ofArray(image), 0, buf, 0, image.length);
        MemorySegment obj;
        try {
            obj = bpf.openMem(buf, "falconet");
        } catch (RuntimeException e) {
            arena.close();
            throw e;
        }
        BpfProbe probe = new BpfProbe(bpf, arena, obj, ringBytes);
        try {
            bpf.setMaxEntries(probe.map(RING_MAP), (int) ringBytes);
            probe.setIgnoredProcess(ignoreTgid);
            bpf.load(obj);
            for (MemorySegment prog : bpf.programs(obj)) {
                probe.links.add(bpf.attach(prog));
                probe.attached.add(bpf.programName(prog));
            }
            return probe;
        } catch (RuntimeException e) {
            probe.close();
            throw e;
        }
    }

    private static byte[] readImage() {
        try (InputStream in = BpfProbe.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("this build has no eBPF probe");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the embedded eBPF probe: " + e.getMessage(), e);
        }
    }

    /** Writes self_tgid in the probe's .rodata before load. */
    private void setIgnoredProcess(long tgid) {
        MemorySegment rodata = null;
        for (MemorySegment m : bpf.maps(obj)) {
            if (bpf.mapName(m).endsWith(".rodata")) rodata = m;
        }
        if (rodata == null) throw new IllegalStateException("the eBPF probe has no .rodata section (self_tgid)");
        MemorySegment init = bpf.initialValue(rodata);
        if (init.byteSize() < 4) throw new IllegalStateException("the eBPF probe's .rodata is too small for self_tgid");
        init.set(ValueLayout.JAVA_INT_UNALIGNED, 0, (int) tgid);
    }

    /** The map with this name. */
    public MemorySegment map(String name) {
        MemorySegment m = bpf.findMap(obj, name);
        if (m == null) throw new IllegalStateException("the eBPF probe has no map " + name);
        return m;
    }

    public int mapFd(String name) {
        return bpf.mapFd(map(name));
    }

    /** Names of the attached programs. */
    public List<String> attachedPrograms() {
        return List.copyOf(attached);
    }

    /** The ring buffer's data size in bytes. */
    public long ringBytes() {
        return ringBytes;
    }

    public Libbpf libbpf() {
        return bpf;
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        for (MemorySegment l : links) bpf.destroyLink(l);
        links.clear();
        bpf.close(obj);
        arena.close();
    }
}
