package dev.falconet.sensor.pipeline;

import dev.falconet.enrich.K8sMetadata;
import dev.falconet.event.ContainerInfo;
import dev.falconet.event.Event;
import dev.falconet.event.ThreadInfo;
import dev.falconet.sensor.bpf.BpfProbe;
import dev.falconet.sensor.bpf.Libbpf;
import dev.falconet.sensor.bpf.NativeClock;
import dev.falconet.sensor.bpf.ProbeCounters;
import dev.falconet.sensor.bpf.RingConsumer;
import dev.falconet.sensor.bpf.SyntheticRing;
import dev.falconet.sensor.decode.ProbeRecord;
import dev.falconet.sensor.decode.RecordDecoder;
import dev.falconet.sensor.decode.RecordLayout;
import dev.falconet.sensor.decode.SyscallTable;
import dev.falconet.sensor.state.ContainerRegistry;
import dev.falconet.sensor.state.ContainerRuntime;
import dev.falconet.sensor.state.ProcScanner;
import dev.falconet.sensor.state.StateStage;
import dev.falconet.sensor.state.UserDirectory;
import java.io.PrintStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The live sensor as named stages, all on one platform thread:
 * <b>capture</b> (the ring consumer) → <b>decode</b> ({@link RecordDecoder}) → <b>state</b>
 * ({@link StateStage}) → <b>enrich</b> (container and Kubernetes metadata) → the {@link EventSink}
 * (rule evaluation and output, recording, printing).
 *
 * <p>Start order: the probe is attached first, then /proc is read, then the ring is drained,
 * so that nothing that happens in between is missed.
 */
public final class SensorPipeline implements AutoCloseable {
    /**
     * How the pipeline is set up.
     *
     * @param consumerNice the consumer thread's nice value (-20..19; 0 leaves it as the process's)
     */
    public record Config(long ringBytes, Set<String> events, long statsIntervalNanos, long idleNanos,
                         long runtimeTimeoutMillis, K8sMetadata k8s, PrintStream notices, int consumerNice) {
        public Config {
            events = Set.copyOf(events);
            Objects.requireNonNull(notices, "notices");
            if (k8s == null) k8s = K8sMetadata.NONE;
            if (consumerNice < -20 || consumerNice > 19) throw new IllegalArgumentException("nice must be between -20 and 19, got " + consumerNice);
        }

        public static Config defaults(PrintStream notices) {
            return new Config(16L << 20, SyscallTable.RULE_EVENTS, 0, 1_000_000L, 3000, K8sMetadata.NONE, notices, 0);
        }
    }

    private static final java.lang.management.ThreadMXBean CONSUMER_CPU = java.lang.management.ManagementFactory.getThreadMXBean();
    private final Config config;
    private final RecordDecoder decoder = new RecordDecoder();
    private final SensorStats stats = new SensorStats();
    /** The live state; during {@link #warmUp} a scratch one. */
    private StateStage state;
    /** The live sinks; during {@link #warmUp} their rehearsal. */
    private EventSink sink;
    private final ContainerRegistry containers;
    private final BpfProbe probe;
    private final ProbeCounters counters;
    private final RingConsumer consumer;
    private volatile Set<String> traced;
    /** Event types some sink wants (re-read after a rules reload). */
    private volatile java.util.BitSet wanted;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final java.util.function.Consumer<Event> enrichThenSink = this::enrichAndSink;
    // one object each for the live run and the warm-up, so that the JIT sees the same classes at every call site
    private final RingConsumer.RecordHandler recordHandler = this::onRecord;
    private final Runnable betweenBatches = this::tick;
    private final java.util.function.IntPredicate emitted = type -> wanted.get(type);
    private final long bootToEpoch;
    private Thread thread;
    private long lastTickNanos;
    private long lastStatsNanos;
    private ProbeCounters.Snapshot lastDropSnapshot;
    private ProbeCounters.Snapshot lastStatsSnapshot;
    private long lastStatsCaptured, lastStatsEvaluated, lastStatsAlerts, lastStatsCpuNanos;
    private volatile Throwable failure;
    private boolean closed;
    private volatile ProbeCounters.Snapshot finalCounters;

    /** Loads and attaches the probe, then reads /proc. Throws LibbpfException when the kernel refuses. */
    public SensorPipeline(Config config, EventSink sink) {
        this.config = config;
        this.sink = Objects.requireNonNull(sink, "sink");
        long offset = NativeClock.bootToEpochOffset();
        this.bootToEpoch = offset;
        this.containers = new ContainerRegistry(new ContainerRuntime(config.runtimeTimeoutMillis()), config.k8s());
        this.state = new StateStage(new ProcScanner(Path.of("/proc"), offset), new UserDirectory(Path.of("/proc")),
                containers, offset, config.events().contains("procexit"));
        this.wanted = wantedTypes(sink);
        state.emitOnly(emitted);
        Set<String> skipped = new LinkedHashSet<>();
        this.traced = SyscallTable.selection(config.events(), skipped);
        this.probe = BpfProbe.open(config.ringBytes(), ProcessHandle.current().pid());
        try {
            configureSyscalls(probe, traced);
            this.counters = new ProbeCounters(probe);
            this.consumer = new RingConsumer(probe, recordHandler, config.idleNanos());
        } catch (RuntimeException e) {
            probe.close();
            throw e;
        }
        state.bootstrap();
    }

    /** Fills the probe's syscall table: which syscalls to trace and how to read their arguments. */
    static void configureSyscalls(BpfProbe probe, Set<String> names) {
        Libbpf bpf = probe.libbpf();
        int fd = probe.mapFd(BpfProbe.SYSCALL_MAP);
        try (Arena a = Arena.ofConfined()) {
            MemorySegment key = a.allocate(ValueLayout.JAVA_INT);
            MemorySegment value = a.allocate(8);
            for (String n : names) {
                SyscallTable.Spec spec = SyscallTable.spec(n);
                if (spec == null) continue;
                int flags = RecordLayout.SYS_ENABLED | (spec.userMemoryOnFailureOnly() ? RecordLayout.SYS_STR_ON_FAILURE : 0);
                value.set(ValueLayout.JAVA_BYTE, 0, (byte) flags);
                value.set(ValueLayout.JAVA_BYTE, 1, (byte) 0);
                for (int i = 0; i < 6; i++) value.set(ValueLayout.JAVA_BYTE, 2 + i, (byte) spec.kinds()[i]);
                key.set(ValueLayout.JAVA_INT, 0, spec.nr());
                bpf.mapUpdate(fd, key, value);
            }
        }
    }

    private static java.util.BitSet wantedTypes(EventSink sink) {
        java.util.BitSet w = new java.util.BitSet();
        for (int type = 0; type < dev.falconet.event.EventTypes.CAPACITY; type++) if (sink.wants(type)) w.set(type);
        return w;
    }

    /**
     * After the sink's rules changed (a hot reload): re-reads which event types the sink wants, and adds to the
     * kernel's syscall table those of {@code events} not traced yet (the table is a BPF map, updated live).
     * Syscalls are never removed while running. Returns the newly traced syscalls.
     */
    public synchronized Set<String> widen(Set<String> events) {
        Set<String> added = new LinkedHashSet<>(SyscallTable.selection(events, new LinkedHashSet<>()));
        added.removeAll(traced);
        if (!added.isEmpty() && !closed) {
            configureSyscalls(probe, added);
            Set<String> all = new LinkedHashSet<>(traced);
            all.addAll(added);
            traced = java.util.Collections.unmodifiableSet(all);
        }
        wanted = wantedTypes(sink);
        return added;
    }

    /** Syscalls traced in the kernel. */
    public Set<String> traced() {
        return traced;
    }

    public StateStage state() {
        return state;
    }

    public SensorStats stats() {
        return stats;
    }

    /** The probe's counters now; after {@link #close()}, their last reading. */
    public ProbeCounters.Snapshot counters() {
        ProbeCounters.Snapshot last = finalCounters;
        return last != null ? last : counters.read();
    }

    // ---- stages ----

    /** capture → decode → state. Runs on the consumer thread, once per ring record. */
    private void onRecord(MemorySegment record) {
        stats.captured++;
        ProbeRecord r;
        try {
            r = decoder.decode(record);
        } catch (RecordDecoder.MalformedRecordException e) {
            stats.malformed++;
            return;
        }
        state.accept(r, enrichThenSink);
    }

    /** enrich → sink. */
    private void enrichAndSink(Event e) {
        ThreadInfo t = e.thread();
        ContainerInfo c = t.container();
        if (c != null && c.k8s() == null) t.container(containers.enrichK8s(c, System.nanoTime()));
        stats.evaluated++;
        sink.accept(e);
    }

    // ---- running ----

    /**
     * What {@link #warmUp} did: records run through the pipeline, how long it took, the CPU time the consumer
     * code and the JIT compilers spent meanwhile (on a busy machine the wall time mostly measures the neighbours),
     * and whether the JIT went quiet before the time limit.
     */
    public record WarmUp(long records, long nanos, long consumerCpuNanos, long compileMillis, boolean settled) {
        public String describe() {
            return String.format("JIT warm-up: %d made-up records in %d ms (consumer CPU %d ms, JIT compiling %d ms)%s", records,
                    nanos / 1_000_000, consumerCpuNanos / 1_000_000, compileMillis,
                    settled ? "" : " (stopped by its time limit while the compiler was still busy)");
        }
    }

    /**
     * Runs the consumer's own code (ring reading, decode, state, event building, rule evaluation) on made-up
     * records in a {@link SyntheticRing} until the JIT compiler has had nothing to compile for a while, or for at
     * most {@code budgetNanos}: then the first real records meet compiled code instead of filling the ring while
     * the interpreter and the compiler share the CPUs with the processes being traced. The made-up processes
     * live in a scratch state stage and their events go to the sinks' {@link EventSink#rehearsal()} only (no
     * output, no recording). Call before {@link #start()}; the kernel keeps filling the live ring meanwhile.
     */
    public WarmUp warmUp(long budgetNanos) {
        synchronized (this) {
            if (thread != null || closed) throw new IllegalStateException("warm up before start");
        }
        long start = System.nanoTime();
        long cpu0 = CONSUMER_CPU.getCurrentThreadCpuTime();
        var jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        long jit0 = jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
        EventSink rehearsal = sink.rehearsal();
        StateStage liveState = state;
        EventSink liveSink = sink;
        Path proc = Path.of("/proc");
        StateStage scratch = new StateStage(new ProcScanner(proc, bootToEpoch), new UserDirectory(proc),
                new ContainerRegistry(null, K8sMetadata.NONE), bootToEpoch, config.events().contains("procexit"));
        scratch.emitOnly(emitted);
        WarmUpDriver driver;
        try (Arena arena = Arena.ofShared(); SyntheticRing ring = new SyntheticRing(WARM_UP_RING_BYTES)) {
            RingConsumer warm = ring.consumer(recordHandler, config.idleNanos());
            driver = new WarmUpDriver(ring, new WarmUpRecords(arena, ProcessHandle.current().pid(), traced), warm, start, budgetNanos);
            state = scratch;
            sink = rehearsal != null ? rehearsal : EventSink.all(java.util.List.of());
            // the tick runs as live, minus the stats line (which would count made-up records)
            lastTickNanos = start;
            lastDropSnapshot = counters.read();
            lastStatsNanos = start + (1L << 60);
            Thread writer = Thread.ofPlatform().name("falconet-warm-up").daemon(true).start(driver);
            warm.run(betweenBatches);
            writer.join();
            if (warm.handlerFailure() != null)
                config.notices().println("falconet: the JIT warm-up failed (the sensor runs, just slower at first): " + warm.handlerFailure());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during the warm-up", e);
        } finally {
            state = liveState;
            sink = liveSink;
            stats.reset();
        }
        long jit1 = jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
        return new WarmUp(driver.records(), System.nanoTime() - start, CONSUMER_CPU.getCurrentThreadCpuTime() - cpu0,
                jit1 - jit0, driver.settled());
    }

    /** Small, so that the warm-up's drains are short and many, as live ones polled every millisecond. */
    private static final long WARM_UP_RING_BYTES = 1L << 16;

    /** Starts the consumer thread (a platform thread: ring polling blocks in native code). */
    public synchronized void start() {
        if (thread != null) throw new IllegalStateException("already started");
        lastTickNanos = lastStatsNanos = System.nanoTime();
        lastDropSnapshot = lastStatsSnapshot = counters.read();
        thread = Thread.ofPlatform().name("falconet-sensor").daemon(true).start(() -> {
            try {
                if (config.consumerNice() != 0 && !ThreadNice.set(config.consumerNice()))
                    config.notices().println("falconet: could not set the consumer thread's nice value to " + config.consumerNice()
                            + " (needs CAP_SYS_NICE): it runs at the process's priority");
                lastStatsCpuNanos = CONSUMER_CPU.getCurrentThreadCpuTime();
                consumer.run(betweenBatches);
            } catch (Throwable t) {
                failure = t;
            } finally {
                finished.countDown();
            }
        });
    }

    /** Between batches: drop notices (at most one a second) and --stats lines. */
    private void tick() {
        long now = System.nanoTime();
        if (now - lastTickNanos < 1_000_000_000L) return;
        ProbeCounters.Snapshot snap = counters.read();
        if (snap.drops() > lastDropSnapshot.drops())
            config.notices().println(SensorStats.dropNotice(lastDropSnapshot, snap, (now - lastTickNanos) / 1e9));
        if (stats.malformed > stats.lastMalformedReported) {
            config.notices().println("falconet: " + (stats.malformed - stats.lastMalformedReported)
                    + " malformed ring records skipped (probe and decoder out of step?)");
            stats.lastMalformedReported = stats.malformed;
        }
        lastDropSnapshot = snap;
        lastTickNanos = now;
        if (config.statsIntervalNanos() > 0 && now - lastStatsNanos >= config.statsIntervalNanos()) {
            config.notices().println(statsInterval(now, snap).line());
            lastStatsNanos = now;
        }
        Throwable h = consumer.handlerFailure();
        if (h != null) throw new IllegalStateException("event handling failed: " + h, h);
    }

    private SensorStats.Interval statsInterval(long now, ProbeCounters.Snapshot snap) {
        double secs = (now - lastStatsNanos) / 1e9;
        long alerts = sink.alerts();
        long cpu = CONSUMER_CPU.getCurrentThreadCpuTime();
        SensorStats.Interval i = new SensorStats.Interval(secs, stats.captured - lastStatsCaptured,
                stats.evaluated - lastStatsEvaluated, snap.drops() - lastStatsSnapshot.drops(), alerts - lastStatsAlerts,
                stats.captured, stats.evaluated, snap.drops(), alerts, cpu - lastStatsCpuNanos);
        lastStatsCpuNanos = cpu;
        lastStatsCaptured = stats.captured;
        lastStatsEvaluated = stats.evaluated;
        lastStatsAlerts = alerts;
        lastStatsSnapshot = snap;
        return i;
    }

    /** Stops after draining what is in the ring, and waits for the consumer thread. */
    public void stop() {
        consumer.stop();
        try {
            if (thread != null && !finished.await(10, TimeUnit.SECONDS))
                config.notices().println("falconet: the sensor thread did not stop within 10 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The failure that ended the consumer thread, or null. */
    public Throwable failure() {
        return failure;
    }

    /** Drains the ring once on the calling thread (tests and benchmarks that do not start the thread). */
    public int drainOnce() {
        int n = consumer.drainOnce();
        Throwable h = consumer.handlerFailure();
        if (h != null) throw new IllegalStateException("event handling failed: " + h, h);
        return n;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) return;
            closed = true;
        }
        stop();
        finalCounters = counters.read();
        consumer.close();
        probe.close();
        sink.close();
    }
}
