package dev.falconet.cli;

import dev.falconet.engine.EngineOptions;
import dev.falconet.engine.RuleEngine;
import dev.falconet.output.OutputConfigException;
import dev.falconet.output.OutputOptions;
import dev.falconet.output.Outputs;
import dev.falconet.sensor.bpf.LibbpfException;
import dev.falconet.sensor.bpf.Preflight;
import dev.falconet.sensor.decode.SyscallTable;
import dev.falconet.sensor.pipeline.EventPrinter;
import dev.falconet.sensor.pipeline.EventSink;
import dev.falconet.sensor.pipeline.RecordSink;
import dev.falconet.sensor.pipeline.RuleSink;
import dev.falconet.sensor.pipeline.RulesReloader;
import dev.falconet.sensor.pipeline.SensorPipeline;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code falconet sensor}: captures syscalls live with the eBPF probe, keeps process/fd/container
 * state, and hands every event to the outputs. Notices and stats go to stderr.
 */
@Command(name = "sensor", mixinStandardHelpOptions = true,
        description = {"Capture syscalls live with eBPF (needs root), keep Falco's process, fd and container state,",
                "evaluate the rules and print alerts on stdout as Falco does (text, or JSON with --json).",
                "Notices (drops) and --stats lines go to stderr."},
        footer = {"", "Examples:",
                "  sudo ./falconet sensor -r ../shared/falco-upstream/falco_rules.yaml",
                "  sudo ./falconet sensor -r rules/ --json --duration 30s --record /tmp/run.jsonl --stats 5s",
                "  sudo ./falconet sensor -r rules/ --no-stdout --events -e openat   (print every event instead)",
                "", "Exit codes: 0 ok, 1 bad rules, the kernel refused the probe, or capture failed; 2 usage (or not root)."})
public final class SensorCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    RulesOptions rules;

    @Mixin
    OutputOptions outputs;

    @Option(names = "--record", paramLabel = "FILE", description = "Also write every event to this capture file (replay it with 'falconet replay -e FILE').")
    Path record;

    @Option(names = "--events", description = "Print every event on stdout, one line each (sysdig style).")
    boolean printEvents;

    @Option(names = {"-e", "--event-types"}, split = ",", paramLabel = "TYPE",
            description = "Also trace these syscalls (the rules' event types and the state-tracking set are always traced).")
    List<String> eventTypes = new ArrayList<>();

    @Option(names = "--duration", paramLabel = "TIME", description = "Stop after this long (e.g. 30s, 500ms, 2m). Default: until SIGINT/SIGTERM.")
    String duration;

    @Option(names = "--stop-on-eof",
            description = "Also stop when standard input closes: the app starts the sensor through pkexec/sudo and cannot signal a root "
                    + "process, so it stops it by closing the pipe (or by exiting).")
    boolean stopOnEof;

    @Option(names = "--reload-on-change",
            description = "Reload the -r files when one changes (checked every 500 ms), without stopping the capture: on errors the "
                    + "running rules stay and stderr says 'RELOAD FAILED: ...', else 'RELOADED rules=N ...'. With --stop-on-eof, "
                    + "a line 'reload' on standard input does the same.")
    boolean reloadOnChange;

    /** Standard input, for --stop-on-eof (a test gives its own). */
    java.io.InputStream stdin = System.in;

    @Option(names = "--stats", paramLabel = "TIME", description = "Print a stats line on stderr at this interval (e.g. 5s).")
    String statsInterval;

    @Option(names = "--ring-size", paramLabel = "SIZE", defaultValue = "16M",
            description = "Ring buffer size, a power of two (e.g. 16M, 64M). Default: ${DEFAULT-VALUE}.")
    String ringSize;

    @Option(names = "--warm-up", paramLabel = "TIME", defaultValue = "3s",
            description = "Before READY, run the consumer's code on made-up records until the JIT has compiled it, for at most"
                    + " this long (0 = no warm-up): the first real events then do not overflow the ring while the code is"
                    + " still interpreted. Default: ${DEFAULT-VALUE}.")
    String warmUp;

    @Option(names = "--nice", paramLabel = "N", defaultValue = "-5",
            description = "Nice value of the thread that drains the ring buffer (-20..19; 0 = unchanged), so that a busy"
                    + " machine does not make it drop events. Default: ${DEFAULT-VALUE}.")
    int nice;

    @Override
    public Integer call() {
        PrintStream err = spec.commandLine().getErr() == null ? System.err : new PrintStream(System.err, true);
        long durationNanos, statsNanos, ring, warmUpNanos;
        try {
            warmUpNanos = warmUp.strip().matches("0+(ms|s|m|h)?") ? 0 : Durations.parse(warmUp, "--warm-up");
            durationNanos = duration == null ? 0 : Durations.parse(duration, "--duration");
            statsNanos = statsInterval == null ? 0 : Durations.parse(statsInterval, "--stats");
            ring = Durations.parseSize(ringSize, "--ring-size");
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        for (String ev : eventTypes) {
            if (SyscallTable.spec(ev) == null && !ev.equals("procexit"))
                throw new CommandLine.ParameterException(spec.commandLine(), "cannot trace event type '" + ev
                        + "'; traceable: " + String.join(", ", SyscallTable.traceable()) + ", procexit");
        }
        EngineOptions engineOptions;
        try {
            engineOptions = rules.engineOptions();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        // alerts say why Kubernetes metadata is missing (the metadata source is opened further down)
        var k8sRef = new java.util.concurrent.atomic.AtomicReference<dev.falconet.enrich.K8sMetadata>(dev.falconet.enrich.K8sMetadata.NONE);
        engineOptions = engineOptions.withMissingReason((e, field) ->
                (field.startsWith("k8s.") || field.startsWith("k8smeta.")) && e.thread().container() != null
                        ? k8sRef.get().missingReason(e.thread().container()) : Optional.empty());
        PrintWriter errWriter = new PrintWriter(err, true);
        RuleEngine engine = rules.loadOrReport(engineOptions, errWriter);
        if (engine == null) return FalconetCli.EXIT_FINDINGS;
        Set<String> events = eventsFor(engine);
        Optional<Preflight.Problem> problem = Preflight.check();
        if (problem.isPresent()) {
            err.println("falconet: " + problem.get().message());
            return problem.get().usage() ? FalconetCli.EXIT_USAGE : FalconetCli.EXIT_FINDINGS;
        }
        List<EventSink> sinks = new ArrayList<>();
        Outputs out;
        try {
            out = outputs.open();
        } catch (OutputConfigException e) {
            err.println("falconet: " + e.getMessage());
            return FalconetCli.EXIT_USAGE;
        }
        // recording comes first: the capture holds the state as the engine saw it
        if (record != null) {
            try {
                sinks.add(new RecordSink(record, hostname()));
            } catch (RuntimeException e) {
                err.println("falconet: " + e.getMessage());
                out.close();
                return FalconetCli.EXIT_FINDINGS;
            }
        }
        if (printEvents) sinks.add(new EventPrinter(new PrintStream(System.out, false)));
        RuleSink ruleSink = new RuleSink(engine, out::accept, out);
        sinks.add(ruleSink);
        // Kubernetes metadata whenever a kubeconfig (or the pod's service account) is reachable
        var k8s = dev.falconet.enrich.k8s.K8sMetadataSources.fromEnvironment(System.getenv("FALCONET_NODE_NAME"));
        if (k8s instanceof dev.falconet.enrich.k8s.UnavailableMetadata u) err.println("falconet: no Kubernetes metadata: " + u.reason());
        k8sRef.set(k8s);
        SensorPipeline.Config config = new SensorPipeline.Config(ring, events, statsNanos, 1_000_000L, 3000, k8s, err, nice);
        SensorPipeline pipeline;
        try {
            pipeline = new SensorPipeline(config, EventSink.all(sinks));
        } catch (LibbpfException e) {
            err.println("falconet: " + Preflight.explain(e));
            EventSink.all(sinks).close();
            if (k8s instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // failing anyway
                }
            }
            return FalconetCli.EXIT_FINDINGS;
        }
        long startedNanos = System.nanoTime();
        CountDownLatch done = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            done.countDown();
            try {
                stopped.await(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "falconet-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            if (warmUpNanos > 0) {
                SensorPipeline.WarmUp w = pipeline.warmUp(warmUpNanos);
                if (statsNanos > 0) err.println("falconet: " + w.describe());
            }
            startedNanos = System.nanoTime();
            pipeline.start();
            // "READY" is what benchmark harnesses wait for before measuring
            err.println("falconet: sensor attached and READY (" + pipeline.traced().size() + " syscalls traced"
                    + (durationNanos > 0 ? ", for " + duration : ", until Ctrl-C") + (stopOnEof ? " or end of input" : "") + ")");
            RulesReloader reloader = new RulesReloader(rules.files(), engineOptions, ruleSink,
                    next -> widen(pipeline, next), line -> err.println("falconet: " + line));
            if (stopOnEof) Thread.ofPlatform().daemon().name("falconet-stdin").start(() -> readInput(done, reloader));
            if (reloadOnChange) {
                Thread.ofPlatform().daemon().name("falconet-rules-watch").start(() -> watch(done, reloader, err));
            }
            if (durationNanos > 0) done.await(durationNanos, TimeUnit.NANOSECONDS);
            else done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            pipeline.close();
            if (k8s instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // shutting down anyway
                }
            }
            System.out.flush();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ignored) {
                // already shutting down (SIGINT/SIGTERM): the hook waits for 'stopped' below
            }
        }
        try {
            return summarize(pipeline, sinks, startedNanos, err);
        } finally {
            // on SIGINT/SIGTERM the JVM halts once the hook returns: release it only after the summary
            stopped.countDown();
        }
    }

    /** Standard input with --stop-on-eof: a line 'reload' reloads the rules, the end of input stops the sensor. */
    private void readInput(CountDownLatch done, RulesReloader reloader) {
        try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(stdin, java.nio.charset.StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.strip().equals("reload")) reloader.reload();
            }
        } catch (java.io.IOException e) {
            // a broken pipe is an end too
        }
        done.countDown();
    }

    /** --reload-on-change: polls the rules files' modification time and size until the sensor stops. */
    private static void watch(CountDownLatch done, RulesReloader reloader, PrintStream err) {
        try {
            while (!done.await(500, TimeUnit.MILLISECONDS)) {
                try {
                    reloader.reloadIfChanged();
                } catch (RuntimeException e) {
                    err.println("falconet: RELOAD FAILED: 1 errors: " + e.getMessage());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * After a reload: traces the syscalls the new rules need that were not traced yet (the kernel's table is
     * updated live; nothing is untraced) and says how many were added.
     */
    private Set<String> eventsFor(RuleEngine engine) {
        Set<String> events = new LinkedHashSet<>(eventTypes);
        var ruleTypes = engine.eventTypes();
        if (ruleTypes.isAll()) events.addAll(SyscallTable.traceable());
        else events.addAll(ruleTypes.names());
        return events;
    }

    private String widen(SensorPipeline pipeline, RuleEngine next) {
        Set<String> added = pipeline.widen(eventsFor(next));
        return "events=+" + added.size() + (added.isEmpty() ? "" : " (" + String.join(",", added) + ")");
    }

    private static int summarize(SensorPipeline pipeline, List<EventSink> sinks, long startedNanos, PrintStream err) {
        var c = pipeline.counters();
        double secs = (System.nanoTime() - startedNanos) / 1e9;
        long captured = pipeline.stats().captured();
        err.println(String.format("falconet: sensor stopped after %.1f s: %d records captured (%.0f/s), %d events evaluated,"
                        + " %d dropped (%.2f%%), %d alerts", secs, captured, captured / secs, pipeline.stats().evaluated(),
                c.drops(), 100.0 * c.drops() / Math.max(1, c.drops() + captured), sinkAlerts(sinks)));
        for (EventSink sk : sinks) {
            if (sk instanceof RuleSink rs && rs.latencyPercentile(50) >= 0)
                err.println(String.format("falconet: alert latency from the kernel timestamp: p50 %.2f ms, p99 %.2f ms, max %.2f ms",
                        rs.latencyPercentile(50) / 1e6, rs.latencyPercentile(99) / 1e6, rs.latencyPercentile(100) / 1e6));
        }
        if (pipeline.failure() != null) {
            err.println("falconet: capture failed: " + pipeline.failure().getMessage());
            return FalconetCli.EXIT_FINDINGS;
        }
        return FalconetCli.EXIT_OK;
    }

    private static long sinkAlerts(List<EventSink> sinks) {
        long n = 0;
        for (EventSink s : sinks) n += s.alerts();
        return n;
    }

    private static String hostname() {
        return dev.falconet.fields.Hostname.get();
    }
}
