package dev.falconet.cli;

import dev.falconet.sensor.bpf.LibbpfException;
import dev.falconet.sensor.bpf.Preflight;
import dev.falconet.sensor.decode.SyscallTable;
import dev.falconet.sensor.pipeline.EventPrinter;
import dev.falconet.sensor.pipeline.EventSink;
import dev.falconet.sensor.pipeline.SensorPipeline;
import java.io.PrintStream;
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
import picocli.CommandLine.Option;

/**
 * {@code falconet sensor}: captures syscalls live with the eBPF probe, keeps process/fd/container
 * state, and hands every event to the outputs. Notices and stats go to stderr.
 */
@Command(name = "sensor", mixinStandardHelpOptions = true,
        description = {"Capture syscalls live with eBPF (needs root) and keep Falco's process, fd and container state.",
                "Notices (drops) and --stats lines go to stderr."},
        footer = {"", "Examples:",
                "  sudo ./falconet sensor --events --duration 5s        print every event for 5 seconds",
                "  sudo ./falconet sensor --events --stats 1s -e openat,execve",
                "", "Exit codes: 0 ok, 1 the kernel refused the probe or capture failed, 2 usage (or not root)."})
public final class SensorCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--events", description = "Print every event on stdout, one line each (sysdig style).")
    boolean printEvents;

    @Option(names = {"-e", "--event-types"}, split = ",", paramLabel = "TYPE",
            description = "Syscalls to trace besides the state-tracking set (default: the event types of the upstream rules).")
    List<String> eventTypes = new ArrayList<>();

    @Option(names = "--duration", paramLabel = "TIME", description = "Stop after this long (e.g. 30s, 500ms, 2m). Default: until SIGINT/SIGTERM.")
    String duration;

    @Option(names = "--stats", paramLabel = "TIME", description = "Print a stats line on stderr at this interval (e.g. 5s).")
    String statsInterval;

    @Option(names = "--ring-size", paramLabel = "SIZE", defaultValue = "16M",
            description = "Ring buffer size, a power of two (e.g. 16M, 64M). Default: ${DEFAULT-VALUE}.")
    String ringSize;

    @Override
    public Integer call() {
        PrintStream err = spec.commandLine().getErr() == null ? System.err : new PrintStream(System.err, true);
        long durationNanos, statsNanos, ring;
        try {
            durationNanos = duration == null ? 0 : Durations.parse(duration, "--duration");
            statsNanos = statsInterval == null ? 0 : Durations.parse(statsInterval, "--stats");
            ring = Durations.parseSize(ringSize, "--ring-size");
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Set<String> events = new LinkedHashSet<>(eventTypes.isEmpty() ? SyscallTable.RULE_EVENTS : eventTypes);
        for (String ev : eventTypes) {
            if (SyscallTable.spec(ev) == null && !ev.equals("procexit"))
                throw new CommandLine.ParameterException(spec.commandLine(), "cannot trace event type '" + ev
                        + "'; traceable: " + String.join(", ", SyscallTable.traceable()) + ", procexit");
        }
        Optional<Preflight.Problem> problem = Preflight.check();
        if (problem.isPresent()) {
            err.println("falconet: " + problem.get().message());
            return problem.get().usage() ? FalconetCli.EXIT_USAGE : FalconetCli.EXIT_FINDINGS;
        }
        List<EventSink> sinks = new ArrayList<>();
        if (printEvents) sinks.add(new EventPrinter(new PrintStream(System.out, false)));
        SensorPipeline.Config config = new SensorPipeline.Config(ring, events, statsNanos, 1_000_000L, 3000, null, err);
        SensorPipeline pipeline;
        try {
            pipeline = new SensorPipeline(config, EventSink.all(sinks));
        } catch (LibbpfException e) {
            err.println("falconet: " + Preflight.explain(e));
            return FalconetCli.EXIT_FINDINGS;
        }
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
            pipeline.start();
            err.println("falconet: sensor running (" + pipeline.traced().size() + " syscalls traced"
                    + (durationNanos > 0 ? ", for " + duration : ", until Ctrl-C") + ")");
            if (durationNanos > 0) done.await(durationNanos, TimeUnit.NANOSECONDS);
            else done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            pipeline.close();
            System.out.flush();
            stopped.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ignored) {
                // already shutting down (SIGINT/SIGTERM): the hook is running and now released
            }
        }
        var c = pipeline.counters();
        err.println("falconet: sensor stopped: " + pipeline.stats().captured() + " records captured, "
                + pipeline.stats().evaluated() + " events, " + c.drops() + " dropped");
        if (pipeline.failure() != null) {
            err.println("falconet: capture failed: " + pipeline.failure().getMessage());
            return FalconetCli.EXIT_FINDINGS;
        }
        return FalconetCli.EXIT_OK;
    }
}
