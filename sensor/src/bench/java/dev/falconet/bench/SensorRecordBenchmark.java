package dev.falconet.bench;

import dev.falconet.engine.EngineOptions;
import dev.falconet.engine.RuleEngine;
import dev.falconet.event.EventTypes;
import dev.falconet.rules.load.RulesSource;
import dev.falconet.sensor.decode.RecordBytes;
import dev.falconet.sensor.decode.RecordDecoder;
import dev.falconet.sensor.decode.RecordLayout;
import dev.falconet.sensor.pipeline.RuleSink;
import dev.falconet.sensor.state.ContainerRegistry;
import dev.falconet.sensor.state.ProcScanner;
import dev.falconet.sensor.state.StateStage;
import dev.falconet.sensor.state.UserDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The live sensor's user-side cost per ring record, without the kernel: decode → state → (event →
 * rules with the upstream stable rules). Records sit in native memory as in the ring buffer. Three cases:
 * a syscall no rule reads ({@code getppid}: decoded, state kept, no event built), a failing openat
 * and an open/close pair that the rules evaluate (an event each, fd table updated). Average time per record; run with
 * {@code bench/engine-bench.sh SensorRecordBenchmark -prof gc} for the allocation per record too.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-XX:+UseCompactObjectHeaders"})
public class SensorRecordBenchmark {
    private final Arena arena = Arena.ofShared();
    private Path proc;
    private RecordDecoder decoder;
    private StateStage state;
    private RuleSink sink;
    private MemorySegment getppid;
    private MemorySegment openat;
    private MemorySegment close;
    private MemorySegment failedOpenat;
    private long alerts;

    @Setup(Level.Trial)
    public void setup() throws IOException {
        RuleEngine.Build b = RuleEngine.load(RulesSource.readAll(List.of(
                EngineBenchmark.BenchRules.upstreamDir().resolve("falco_rules.yaml"))).sources(), EngineOptions.defaults());
        if (!b.ok()) throw new IllegalStateException("rules failed to load: " + b.diagnostics());
        sink = new RuleSink(b.engine(), a -> alerts++, null);
        proc = Files.createTempDirectory("falconet-bench-proc");
        decoder = new RecordDecoder();
        state = new StateStage(new ProcScanner(proc, 0), new UserDirectory(proc), new ContainerRegistry(null, null), 0, false);
        state.emitOnly(sink::wants);
        state.bootstrap();
        getppid = native_(RecordBytes.syscall(EventTypes.id("getppid"), 1, 4242, 4242, 1).bytes());
        openat = native_(RecordBytes.syscall(EventTypes.id("openat"), 2, 4242, 4242, 3, -100, 0, 02000000, 0)
                .str(1, RecordLayout.ARG_STR, "/usr/share/doc/bench/notes.txt").fileInfo(5, 0x800001, 777).bytes());
        close = native_(RecordBytes.syscall(EventTypes.id("close"), 3, 4242, 4242, 0, 3).bytes());
        // what the drain benchmark's openat producer makes (peers/sys/sysloop.c)
        failedOpenat = native_(RecordBytes.syscall(EventTypes.id("openat"), 4, 4242, 4242, -2, -100, 0, 0, 0)
                .str(1, RecordLayout.ARG_STR, "/nonexistent/perf/x").bytes());
    }

    private MemorySegment native_(byte[] record) {
        MemorySegment s = arena.allocate(record.length, 8);
        MemorySegment.copy(MemorySegment.ofArray(record), 0, s, 0, record.length);
        return s;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        arena.close();
        try (var files = Files.walk(proc)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A syscall no loaded rule reads: decode and state only. */
    @Benchmark
    public void untracedByRules() {
        state.accept(decoder.decode(getppid), sink);
    }

    /** A failing openat (ENOENT): one event through the state and the rules. */
    @Benchmark
    public long failedOpen() {
        state.accept(decoder.decode(failedOpenat), sink);
        return alerts;
    }

    /** openat then close: two events through the state, the fd table and the rules (per pair). */
    @Benchmark
    public long openThenClose() {
        state.accept(decoder.decode(openat), sink);
        state.accept(decoder.decode(close), sink);
        return alerts;
    }
}
