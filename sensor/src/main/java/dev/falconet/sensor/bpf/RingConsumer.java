package dev.falconet.sensor.bpf;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * Drains the probe's ring buffer on one platform thread. The probe writes without waking the
 * consumer (BPF_RB_NO_WAKEUP), so there is no wake-up per event: this thread consumes whatever is
 * there, and sleeps {@code idleNanos} when the ring was empty. Each record is handed to the
 * {@link RecordHandler} as a segment valid only during the call.
 */
public final class RingConsumer implements AutoCloseable {
    /** Receives one ring record. Runs inside an FFM upcall: it must not throw. */
    @FunctionalInterface
    public interface RecordHandler {
        void onRecord(MemorySegment record);
    }

    private final Libbpf bpf;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment ring;
    private final RecordHandler handler;
    private final long idleNanos;
    private volatile boolean running = true;
    private volatile Throwable handlerFailure;
    private long consumed;
    private Runnable periodic;
    private boolean closed;

    public RingConsumer(BpfProbe probe, RecordHandler handler, long idleNanos) {
        this.bpf = probe.libbpf();
        this.handler = Objects.requireNonNull(handler, "handler");
        this.idleNanos = idleNanos;
        try {
            MethodHandle target = MethodHandles.lookup().findVirtual(RingConsumer.class, "onSample",
                    MethodType.methodType(int.class, MemorySegment.class, MemorySegment.class, long.class)).bindTo(this);
            MemorySegment stub = Linker.nativeLinker().upcallStub(target,
                    FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG), arena);
            this.ring = bpf.ringNew(probe.mapFd(BpfProbe.RING_MAP), stub);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            arena.close();
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    /** The upcall: never lets an exception escape (that would kill the JVM). */
    private int onSample(MemorySegment ctx, MemorySegment data, long size) {
        try {
            consumed++;
            handler.onRecord(data.reinterpret(size));
            // under sustained load one consume call may never return: run the periodic work from here too
            if ((consumed & 4095) == 0 && periodic != null) periodic.run();
        } catch (Throwable t) {
            if (handlerFailure == null) handlerFailure = t;
        }
        return 0;
    }

    /** Consumes what is in the ring now; returns the number of records. */
    public int drainOnce() {
        return bpf.ringConsume(ring);
    }

    /**
     * Runs until {@link #stop()}: drain, sleep when idle. Call on a platform thread.
     * {@code betweenBatches} runs after every drain, on every idle tick, and every 4096 records within a long
     * drain (stats, drop notices); it must be cheap when it has nothing to do.
     */
    public void run(Runnable betweenBatches) {
        periodic = betweenBatches;
        while (running) {
            int n = drainOnce();
            betweenBatches.run();
            if (n == 0) LockSupport.parkNanos(idleNanos);
        }
        drainOnce();
        betweenBatches.run();
    }

    public void stop() {
        running = false;
    }

    /** Records handed to the handler so far. */
    public long consumed() {
        return consumed;
    }

    /** The first exception a handler threw, or null. */
    public Throwable handlerFailure() {
        return handlerFailure;
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        running = false;
        bpf.ringFree(ring);
        arena.close();
    }
}
