package dev.falconet.sensor.bpf;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.List;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The pages of a BPF ring buffer map, mapped into this process as the kernel lays them out: at
 * offset 0 of the map fd the consumer position (one page, writable by us), then the producer
 * position (one page) followed by the data pages mapped twice. The segments belong to a shared
 * arena: closing it unmaps them safely even if another thread still holds them (its next access fails
 * instead of touching unmapped memory).
 */
final class RingMemory implements AutoCloseable {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final MemoryLayout CAPTURE_LAYOUT = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE_LAYOUT.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final int PROT_READ = 1, PROT_WRITE = 2, MAP_SHARED = 1, SC_PAGESIZE = 30;
    private static final MethodHandle MMAP = LINKER.downcallHandle(LINKER.defaultLookup().find("mmap").orElseThrow(),
            FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG),
            Linker.Option.captureCallState("errno"));
    private static final MethodHandle MUNMAP = LINKER.downcallHandle(LINKER.defaultLookup().find("munmap").orElseThrow(),
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG));
    private static final MethodHandle SYSCONF = LINKER.downcallHandle(LINKER.defaultLookup().find("sysconf").orElseThrow(),
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT));

    private final Arena arena;
    private final MemorySegment consumerPage;
    private final MemorySegment producerPage;
    private final MemorySegment data;

    private RingMemory(Arena arena, MemorySegment consumerPage, MemorySegment producerPage, MemorySegment data) {
        this.arena = arena;
        this.consumerPage = consumerPage;
        this.producerPage = producerPage;
        this.data = data;
    }

    /** Maps the ring buffer map {@code fd} whose data size is {@code ringBytes}. */
    static RingMemory map(int fd, long ringBytes) {
        long page = pageSize();
        Arena arena = Arena.ofShared();
        try {
            MemorySegment cons = mmap(fd, 0, page, PROT_READ | PROT_WRITE, arena);
            long producerLength = page + 2 * ringBytes;
            MemorySegment prod = mmap(fd, page, producerLength, PROT_READ, arena);
            return new RingMemory(arena, cons, prod.asSlice(0, page), prod.asSlice(page, 2 * ringBytes));
        } catch (RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    /**
     * The same layout in ordinary native memory, for a ring written from Java ({@link SyntheticRing}): the data
     * region is {@code 2 × ringBytes} long, as mapped, but not mirrored (the writer puts each record whole at its
     * offset, which is all a reader of the first copy needs).
     */
    static RingMemory allocate(long ringBytes) {
        long page = pageSize();
        Arena arena = Arena.ofShared(); // as the mapped ring's: the same memory-session class for the JIT
        return new RingMemory(arena, arena.allocate(page, page), arena.allocate(page, page), arena.allocate(2 * ringBytes, page));
    }

    private static long pageSize() {
        try {
            long p = (long) SYSCONF.invokeExact(SC_PAGESIZE);
            return p > 0 ? p : 4096;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static MemorySegment mmap(int fd, long offset, long length, int prot, Arena arena) {
        MemorySegment addr;
        int errno;
        try (Arena a = Arena.ofConfined()) {
            MemorySegment state = a.allocate(CAPTURE_LAYOUT);
            addr = (MemorySegment) MMAP.invokeExact(state, MemorySegment.NULL, length, prot, MAP_SHARED, fd, offset);
            errno = (int) ERRNO.get(state, 0L);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
        if (addr.address() == -1L || addr.address() == 0)
            throw new LibbpfException("mmap of the ring buffer (" + length + " bytes at " + offset + ") failed: "
                    + Errno.describe(errno), errno, List.of());
        return addr.reinterpret(length, arena, m -> unmapQuietly(m.address(), length));
    }

    private static void unmapQuietly(long address, long length) {
        try {
            int ignored = (int) MUNMAP.invokeExact(MemorySegment.ofAddress(address), length);
        } catch (Throwable t) {
            // unmapping at close: nothing left to do if the kernel refuses
        }
    }

    MemorySegment consumerPage() {
        return consumerPage;
    }

    MemorySegment producerPage() {
        return producerPage;
    }

    /** The data pages, twice in a row: {@code 2 × ringBytes}. */
    MemorySegment data() {
        return data;
    }

    @Override
    public synchronized void close() {
        if (!arena.scope().isAlive()) return;
        arena.close();
    }
}
