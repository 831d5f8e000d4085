package dev.falconet.scenario.podman;

import dev.falconet.capture.CaptureHeader;
import dev.falconet.capture.CaptureWriter;
import dev.falconet.engine.RuleEngine;
import dev.falconet.fields.Hostname;
import dev.falconet.scenario.Scenario;
import dev.falconet.scenario.Step;
import dev.falconet.scenario.Target;
import dev.falconet.scenario.run.AlertCollector;
import dev.falconet.scenario.run.BackendRun;
import dev.falconet.scenario.run.ScenarioBackend;
import dev.falconet.scenario.run.ScenarioException;
import dev.falconet.scenario.run.ScenarioObserver;
import dev.falconet.scenario.run.StepResult;
import dev.falconet.scenario.tools.ScenarioTools;
import dev.falconet.sensor.bpf.LibbpfException;
import dev.falconet.sensor.bpf.Preflight;
import dev.falconet.sensor.decode.SyscallTable;
import dev.falconet.sensor.pipeline.SensorPipeline;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs scenarios live on this machine (root, podman): each pod or container of the scenario is a local
 * container of the lab image ({@link LabImage}), the live eBPF sensor runs in-process with the scenario's
 * rules, the pods are described to it as pods ({@link LabPods}), the steps run with {@code podman exec}
 * (or directly, for host steps), and the alerts of the scenario's processes are collected.
 *
 * <p>With {@link #recording}, the run also writes the scenario's capture: the events of the step processes
 * and their descendants plus every event that alerted, with the thread and container records they need,
 * under a header whose source is {@code scenario:ID}. The arguments and environment of processes outside the
 * scenario (the JVM, the container runtime) are left out of the capture, and so are the records of the
 * processes above the JVM.
 */
public final class PodmanBackend implements ScenarioBackend {
    public static final String NAME = "podman";
    /** How long one step may take. */
    static final long STEP_TIMEOUT_SECONDS = 120;
    /** How long to wait for the sensor to catch up with the machine. */
    static final long SYNC_TIMEOUT_MILLIS = 15_000;
    /** The ring buffer: 64 MiB, since podman starting containers on a loaded machine overflowed 16 MiB. */
    static final long RING_BYTES = 64L << 20;

    private final Path repoRoot;
    private final java.util.function.Function<Scenario, Path> recordTo;
    /** Makes this backend's container names unique: runs on one machine (CLI, app, tests) must not collide. */
    private final String token = java.util.HexFormat.of().toHexDigits(new java.security.SecureRandom().nextInt()).substring(0, 6);
    private final ScenarioTools tools;
    private Podman podman;
    private String image;
    private long markers;

    /** A backend that runs scenarios; rules paths and lab-manifests are found under {@code repoRoot}. */
    public PodmanBackend(Path repoRoot) {
        this(repoRoot, null);
    }

    private PodmanBackend(Path repoRoot, java.util.function.Function<Scenario, Path> recordTo) {
        this.repoRoot = repoRoot.toAbsolutePath().normalize();
        this.recordTo = recordTo;
        this.tools = ScenarioTools.forRepository(this.repoRoot);
    }

    /** A backend that also writes the capture of the (one) scenario it runs to {@code capture}. */
    public static PodmanBackend recording(Path repoRoot, Path capture) {
        return new PodmanBackend(repoRoot, s -> capture);
    }

    /** A backend that also writes the capture of each scenario it runs, to the file {@code captureOf} gives. */
    public static PodmanBackend recording(Path repoRoot, java.util.function.Function<Scenario, Path> captureOf) {
        return new PodmanBackend(repoRoot, captureOf);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<String> unavailable(Scenario s) {
        Optional<Preflight.Problem> p = Preflight.check();
        if (p.isPresent()) return Optional.of("the live sensor cannot start: " + p.get().message());
        boolean containers = s.steps().stream().anyMatch(st -> !(st.where() instanceof Target.Host));
        if (containers && HostBinaries.find("podman").isEmpty())
            return Optional.of("podman is not installed (apt-get install podman runc): the scenario's steps run in containers");
        if (containers && LabImage.busybox() == null)
            return Optional.of("busybox-static is not installed (apt-get install busybox-static): the lab image is built from it");
        for (String tool : s.preconditions().tools()) {
            if (HostBinaries.find(tool).isEmpty())
                return Optional.of("the tool '" + tool + "' is not installed on this machine (apt-get install " + tool + ")");
        }
        for (Step st : s.steps()) {
            for (String tool : ScenarioTools.names(st.commandLine())) {
                if (!Files.isRegularFile(tools.source(tool)))
                    return Optional.of("step '" + st.id() + "' uses {tool:" + tool + "}, but " + tools.source(tool) + " does not exist");
            }
            for (String prog : st.install()) {
                if (HostBinaries.find(prog).isEmpty())
                    return Optional.of("step '" + st.id() + "' installs '" + prog + "', which is not installed on this machine (apt-get install " + prog + ")");
            }
            if (st.where() instanceof Target.Host && !st.install().isEmpty())
                return Optional.of("step '" + st.id() + "' installs programs on the host: the podman backend only installs into containers");
            if (st.where() instanceof Target.Host && s.preconditions().tty() && HostBinaries.find("script").isEmpty())
                return Optional.of("host steps with a terminal need 'script' (apt-get install bsdutils)");
        }
        return Optional.empty();
    }

    @Override
    public void prepare(List<Scenario> scenarios, ScenarioObserver observer) throws ScenarioException {
        if (podman == null) podman = new Podman();
        Set<String> programs = new LinkedHashSet<>();
        for (Scenario s : scenarios) {
            for (Step st : s.steps()) {
                if (st.where() instanceof Target.Host || st.argv().isEmpty()) continue;
                String prog = st.argv().get(0);
                if (!st.install().contains(prog) && !prog.contains("/") && HostBinaries.find(prog).isPresent()) programs.add(prog);
            }
        }
        boolean containers = scenarios.stream().flatMap(s -> s.steps().stream()).anyMatch(st -> !(st.where() instanceof Target.Host));
        if (containers && image == null) {
            observer.progress(scenarios.get(0), "preparing the lab image (built once, then reused)");
            image = LabImage.ensure(podman, programs);
        }
    }

    @Override
    public BackendRun run(Scenario s, RuleEngine engine, ScenarioObserver observer) throws ScenarioException {
        boolean needsImage = s.steps().stream().anyMatch(st -> !(st.where() instanceof Target.Host));
        if (podman == null || (needsImage && image == null)) prepare(List.of(s), observer);
        LabPods pods = new LabPods(repoRoot.resolve("lab-manifests"), Hostname.get());
        LiveScope scope = new LiveScope(s.steps());
        Map<Target, String> containers = new LinkedHashMap<>();
        CaptureWriter writer = null;
        SensorPipeline pipeline = null;
        List<StepResult> results = new ArrayList<>();
        try {
            for (Step st : s.steps()) {
                if (st.where() instanceof Target.Host || containers.containsKey(st.where())) continue;
                containers.put(st.where(), startContainer(s, st.where(), pods, scope, observer));
            }
            if (recordTo != null) {
                writer = CaptureWriter.create(recordTo.apply(s), CaptureHeader.now(Hostname.get(), "scenario:" + s.id()));
                writer.redactThreadsOutside(scope::contains);
                // the machine's processes above this JVM (terminals, session managers) stay out of the capture
                Set<Long> above = new java.util.HashSet<>();
                for (var h = ProcessHandle.current().parent(); h.isPresent(); h = h.get().parent()) above.add(h.get().pid());
                writer.omitThreads(t -> above.contains(t.pid()));
            }
            AlertCollector collector = new AlertCollector(s, engine, observer);
            ScenarioSink sink = new ScenarioSink(scope, collector, writer);
            writer = null; // the sink owns it now
            observer.progress(s, "starting the sensor");
            pipeline = startSensor(engine, pods, sink);
            sync(sink);
            long dropsBefore = pipeline.counters().drops();
            for (Step st : s.steps()) {
                observer.stepStarted(s, st);
                long t0 = System.nanoTime();
                String target = containers.get(st.where());
                for (String prog : st.install()) install(target, prog);
                boolean host = st.where() instanceof Target.Host;
                if (host) scope.hostStep(true);
                Podman.Result r;
                try {
                    r = execute(s, st, target);
                    sync(sink);
                } finally {
                    if (host) scope.hostStep(false);
                }
                StepResult res = new StepResult(st, r.exit(), r.out(), (System.nanoTime() - t0) / 1_000_000);
                results.add(res);
                observer.stepFinished(s, res);
            }
            pipeline.close();
            Throwable failure = pipeline.failure();
            long dropped = pipeline.counters().drops() - dropsBefore;
            pipeline = null;
            if (failure != null) throw new ScenarioException("the sensor failed during the run: " + failure.getMessage(), failure);
            List<String> warnings = new ArrayList<>();
            if (dropped > 0) {
                String what = "the sensor dropped " + dropped + " events during the run (the machine is overloaded?)";
                observer.progress(s, "warning: " + what + (recordTo != null ? "; the capture may miss events: record again on a quieter machine" : ""));
                warnings.add(what + ": the missing alerts may be among them");
            }
            return new BackendRun(collector.alerts(), results, warnings);
        } finally {
            if (pipeline != null) pipeline.close();
            if (writer != null) writer.close();
            for (String name : containers.values()) {
                try {
                    podman.run(60, "rm", "-f", "-t", "0", name);
                } catch (ScenarioException ignored) {
                    // best effort: 'podman ps -a --filter label=dev.falconet.scenario' finds what is left
                }
            }
        }
    }

    private String startContainer(Scenario s, Target t, LabPods pods, LiveScope scope, ScenarioObserver observer) throws ScenarioException {
        String name = t instanceof Target.Pod pod ? LabPods.containerName(token, pod)
                : "falconet-" + token + "-" + s.id() + "-" + ((Target.Container) t).name();
        observer.progress(s, "starting " + t + " as podman container " + name);
        if (t instanceof Target.Pod pod) pods.register(name, pod);
        String host = t instanceof Target.Pod pod ? pod.deployment() : ((Target.Container) t).name();
        List<String> args = new ArrayList<>(List.of("run", "-d", "--name", name, "--hostname", host.length() > 63 ? host.substring(0, 63) : host,
                "--label", "dev.falconet.scenario=" + s.id()));
        if (s.preconditions().privileged()) args.add("--privileged");
        for (String cap : s.preconditions().capabilities()) {
            args.add("--cap-add");
            args.add(cap);
        }
        args.add(image);
        args.addAll(List.of("sleep", "86400"));
        Podman.Result r = podman.run(120, args.toArray(String[]::new));
        String[] lines = r.out().strip().split("\n");
        String id = lines[lines.length - 1].strip();
        if (r.exit() != 0 || !id.matches("[0-9a-f]{64}"))
            throw new ScenarioException("podman could not start " + name + ": " + r.out().strip());
        scope.addContainer(id, name);
        return name;
    }

    private SensorPipeline startSensor(RuleEngine engine, LabPods pods, ScenarioSink sink) throws ScenarioException {
        Set<String> events = new LinkedHashSet<>();
        var types = engine.eventTypes();
        if (types.isAll()) events.addAll(SyscallTable.traceable());
        else events.addAll(types.names());
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        var defaults = SensorPipeline.Config.defaults(quiet);
        SensorPipeline.Config config = new SensorPipeline.Config(Math.max(defaults.ringBytes(), RING_BYTES), events, 0, defaults.idleNanos(),
                defaults.runtimeTimeoutMillis(), pods, quiet, defaults.consumerNice());
        try {
            SensorPipeline p = new SensorPipeline(config, sink);
            p.start();
            return p;
        } catch (LibbpfException e) {
            sink.close();
            throw new ScenarioException("the sensor could not start: " + Preflight.explain(e), e);
        }
    }

    /** Waits until the sensor has seen a marker process started now: every earlier event has been handled. */
    private void sync(ScenarioSink sink) throws ScenarioException {
        String token = "falconet-scenario-sync-" + ProcessHandle.current().pid() + "-" + (++markers);
        CountDownLatch seen = sink.expect(token);
        Path tru = HostBinaries.find("true").orElse(Path.of("/bin/true"));
        try {
            new ProcessBuilder(tru.toString(), token).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(10, TimeUnit.SECONDS);
            if (!seen.await(SYNC_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS))
                throw new ScenarioException("the sensor did not catch up within " + SYNC_TIMEOUT_MILLIS / 1000
                        + " s (is the machine overloaded? are events dropped?)");
        } catch (IOException e) {
            throw new ScenarioException("cannot start the sync marker process: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScenarioException("interrupted", e);
        }
    }

    /** Copies a host program and its libraries into the container: a freshly installed binary on the upper layer. */
    private void install(String container, String program) throws ScenarioException {
        Path bin = HostBinaries.find(program).orElseThrow(() -> new ScenarioException("'" + program + "' is not installed on this machine"));
        List<String> paths = new ArrayList<>();
        paths.add(bin.toString().substring(1));
        try {
            for (Path lib : HostBinaries.libraries(bin)) paths.add(lib.toString().substring(1));
        } catch (IOException e) {
            throw new ScenarioException("ldd " + bin + " failed: " + e.getMessage(), e);
        }
        StringBuilder cmd = new StringBuilder("tar -C / -chf -");
        for (String p : paths) cmd.append(" '").append(p).append('\'');
        cmd.append(" | podman cp - ").append(container).append(":/");
        Podman.Result r = podman.exec(List.of("sh", "-c", cmd.toString()), 120);
        if (r.exit() != 0) throw new ScenarioException("copying " + program + " into " + container + " failed: " + r.out().strip());
    }

    private Podman.Result execute(Scenario s, Step st, String container) throws ScenarioException {
        List<String> cl;
        try {
            cl = tools.resolve(st.commandLine());
        } catch (ScenarioTools.ToolException e) {
            throw new ScenarioException("step '" + st.id() + "': " + e.getMessage(), e);
        }
        boolean tty = s.preconditions().tty();
        if (container != null) {
            List<String> cmd = new ArrayList<>(List.of("podman", "exec"));
            if (tty) cmd.add("-t");
            cmd.add(container);
            cmd.addAll(cl);
            return podman.exec(cmd, STEP_TIMEOUT_SECONDS);
        }
        List<String> cmd = tty ? List.of("script", "-qec", shellQuote(cl), "/dev/null") : cl;
        ProcessBuilder b = new ProcessBuilder(cmd).redirectErrorStream(true);
        Map<String, String> env = b.environment();
        String path = env.getOrDefault("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        env.clear();
        env.put("PATH", path);
        env.put("HOME", "/root");
        env.put("LANG", "C.UTF-8");
        try {
            Process p = b.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new ScenarioException("step '" + st.id() + "' did not finish within " + STEP_TIMEOUT_SECONDS + " s");
            }
            return new Podman.Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ScenarioException("step '" + st.id() + "' could not start: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScenarioException("interrupted", e);
        }
    }

    private static String shellQuote(List<String> argv) {
        StringBuilder sb = new StringBuilder();
        for (String a : argv) {
            if (!sb.isEmpty()) sb.append(' ');
            sb.append('\'').append(a.replace("'", "'\\''")).append('\'');
        }
        return sb.toString();
    }

    @Override
    public void close() {
        if (podman != null) podman.close();
    }
}
