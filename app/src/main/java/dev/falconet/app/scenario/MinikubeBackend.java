package dev.falconet.app.scenario;

import dev.falconet.engine.RuleEngine;
import dev.falconet.lab.Lab;
import dev.falconet.lab.LabException;
import dev.falconet.lab.LabLog;
import dev.falconet.lab.exec.ExecRequest;
import dev.falconet.lab.exec.ExecResult;
import dev.falconet.lab.process.ToolLocator;
import dev.falconet.output.Alert;
import dev.falconet.scenario.AlertExpectation;
import dev.falconet.scenario.FieldCheck;
import dev.falconet.scenario.Scenario;
import dev.falconet.scenario.Step;
import dev.falconet.scenario.Target;
import dev.falconet.scenario.run.BackendRun;
import dev.falconet.scenario.run.ScenarioBackend;
import dev.falconet.scenario.run.ScenarioException;
import dev.falconet.scenario.run.ScenarioObserver;
import dev.falconet.scenario.run.SeenAlert;
import dev.falconet.scenario.run.StepResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Runs scenarios in the lab cluster: each step is a {@code kubectl exec} into the pod of its deployment
 * (namespace + deployment), and the alerts come from the in-cluster sensor's log stream. An alert belongs to
 * the run when it comes from one of the scenario's namespaces ({@code k8s.ns.name}) and its event time falls
 * in the run; it belongs to the step whose command it shows ({@code proc.cmdline}), else to the step that was
 * running at its time. The in-cluster sensor evaluates its own rules: deploy the scenario's rules there.
 */
public final class MinikubeBackend implements ScenarioBackend {
    public static final String NAME = "minikube";
    /** Clock difference allowed between this machine and the cluster node. */
    static final long CLOCK_SLACK_NANOS = 2_000_000_000L;

    private final Supplier<LabCluster> clusterFactory;
    private final Supplier<Optional<String>> toolsMissing;
    private final Duration settle;
    private final Duration stepTimeout;
    private LabCluster cluster;

    /**
     * @param cluster      opens the cluster on first use
     * @param toolsMissing why the tools this backend needs are missing, or empty
     * @param settle       how long to wait for the expected alerts after the last step
     */
    public MinikubeBackend(Supplier<LabCluster> cluster, Supplier<Optional<String>> toolsMissing, Duration settle, Duration stepTimeout) {
        this.clusterFactory = cluster;
        this.toolsMissing = toolsMissing;
        this.settle = settle;
        this.stepTimeout = stepTimeout;
    }

    /** The lab cluster of this machine (kubectl's current context must be the lab's minikube profile). */
    public static MinikubeBackend onThisMachine() {
        return new MinikubeBackend(() -> LabCluster.of(Lab.onThisMachine()), MinikubeBackend::clusterToolsMissing,
                Duration.ofSeconds(15), Duration.ofMinutes(3));
    }

    /** kubectl on the PATH and a kubeconfig to talk to the cluster with; cheap checks, no cluster call. */
    static Optional<String> clusterToolsMissing() {
        if (ToolLocator.system().find("kubectl").isEmpty())
            return Optional.of("kubectl is not installed: see docs/lab.md (then 'falconet lab up' and 'falconet lab deploy')");
        String env = System.getenv("KUBECONFIG");
        boolean config = env != null && !env.isBlank()
                ? java.util.Arrays.stream(env.split(java.io.File.pathSeparator)).anyMatch(f -> java.nio.file.Files.isRegularFile(java.nio.file.Path.of(f)))
                : java.nio.file.Files.isRegularFile(java.nio.file.Path.of(System.getProperty("user.home"), ".kube", "config"));
        if (!config) return Optional.of("no kubeconfig: start the lab cluster with 'falconet lab up', then 'falconet lab deploy'");
        return Optional.empty();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<String> unavailable(Scenario s) {
        for (Step st : s.steps()) {
            if (!(st.where() instanceof Target.Pod))
                return Optional.of("step '" + st.id() + "' runs on " + st.where() + ": the minikube backend runs steps in the lab's pods only (use --backend podman)");
        }
        if (s.preconditions().privileged())
            return Optional.of("the scenario needs a privileged container; the lab's pods are not privileged (use --backend podman)");
        return toolsMissing.get();
    }

    @Override
    public void prepare(List<Scenario> scenarios, ScenarioObserver observer) throws ScenarioException {
        open();
    }

    private LabCluster open() throws ScenarioException {
        if (cluster == null) {
            try {
                cluster = clusterFactory.get();
            } catch (LabException e) {
                throw new ScenarioException(e.getMessage(), e);
            }
        }
        return cluster;
    }

    @Override
    public BackendRun run(Scenario s, RuleEngine engine, ScenarioObserver observer) throws ScenarioException {
        LabCluster c = open();
        LabLog log = new LabLog() {
            public void equivalent(String command) {
                observer.progress(s, "$ " + command);
            }

            public void progress(String line) {
                observer.progress(s, line);
            }
        };
        List<Alert> received = new CopyOnWriteArrayList<>();
        List<String> problems = new CopyOnWriteArrayList<>();
        List<long[]> windows = new ArrayList<>();
        List<StepResult> results = new ArrayList<>();
        long start = now();
        AutoCloseable feed;
        try {
            feed = c.followAlerts(received::add, problems::add, log);
        } catch (LabException e) {
            throw new ScenarioException(e.getMessage(), e);
        }
        try {
            for (Step st : s.steps()) {
                Target.Pod pod = (Target.Pod) st.where();
                String target = "deployment/" + pod.deployment();
                observer.stepStarted(s, st);
                long t0 = now();
                for (String prog : st.install()) {
                    ExecResult r = exec(c, new ExecRequest(pod.namespace(), target, null, List.of("sh", "-c",
                            "command -v " + prog + " >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq " + prog + ")"),
                            stepTimeout, false), log);
                    if (!r.ok()) throw new ScenarioException("installing " + prog + " in " + pod + " failed (exit " + r.exitCode() + "): "
                            + (r.stdout() + r.stderr()).strip());
                }
                ExecResult r = exec(c, new ExecRequest(pod.namespace(), target, null, st.commandLine(), stepTimeout, s.preconditions().tty()), log);
                long t1 = now();
                windows.add(new long[] {t0, t1});
                StepResult res = new StepResult(st, r.timedOut() ? -1 : r.exitCode(), r.stdout() + r.stderr(), (t1 - t0) / 1_000_000);
                if (r.timedOut()) throw new ScenarioException("step '" + st.id() + "' did not finish within " + stepTimeout.toSeconds() + " s");
                results.add(res);
                observer.stepFinished(s, res);
            }
            awaitExpected(s, received, start);
        } finally {
            try {
                feed.close();
            } catch (Exception ignored) {
                // the feed ends anyway
            }
        }
        List<SeenAlert> seen = new ArrayList<>();
        long end = now();
        for (Alert a : received) {
            if (!ours(s, a, start, end)) continue;
            SeenAlert sa = new SeenAlert(a, stepOf(s, a, windows), Map.of());
            seen.add(sa);
            observer.alertSeen(s, sa);
        }
        // nothing at all from a sensor whose stream broke says more about the sensor than about the scenario
        if (received.isEmpty() && !problems.isEmpty()) throw new ScenarioException("no alerts from the in-cluster sensor: " + String.join("; ", problems));
        return new BackendRun(seen, results);
    }

    private static ExecResult exec(LabCluster c, ExecRequest req, LabLog log) throws ScenarioException {
        try {
            return c.exec(req, log);
        } catch (LabException e) {
            throw new ScenarioException(e.getMessage(), e);
        }
    }

    /** Waits until every expected rule was seen (plus a moment for more), or the settle time ran out. */
    private void awaitExpected(Scenario s, List<Alert> received, long start) throws ScenarioException {
        long deadline = System.nanoTime() + settle.toNanos();
        List<String> rules = s.expect().alerts().stream().map(AlertExpectation::rule).distinct().toList();
        try {
            while (System.nanoTime() < deadline) {
                long end = now();
                List<String> seen = received.stream().filter(a -> ours(s, a, start, end)).map(Alert::rule).toList();
                if (!rules.isEmpty() && seen.containsAll(rules)) {
                    Thread.sleep(Math.min(1000, settle.toMillis()));
                    return;
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScenarioException("interrupted while waiting for alerts", e);
        }
    }

    /** An alert of the run: in one of the scenario's namespaces, at a time during the run. */
    static boolean ours(Scenario s, Alert a, long startNanos, long endNanos) {
        if (a.timeNanos() < startNanos - CLOCK_SLACK_NANOS || a.timeNanos() > endNanos + CLOCK_SLACK_NANOS) return false;
        String ns = FieldCheck.text(a.outputFields().get("k8s.ns.name"));
        if (ns == null) ns = FieldCheck.text(a.outputFields().get("k8smeta.ns.name"));
        if (ns == null) return true; // the rule's output names no namespace: the time decides
        for (Step st : s.steps()) if (st.where() instanceof Target.Pod p && p.namespace().equals(ns)) return true;
        return false;
    }

    /** The step whose command the alert shows, else the step running at the alert's time. */
    static String stepOf(Scenario s, Alert a, List<long[]> windows) {
        String cmdline = FieldCheck.text(a.outputFields().get("proc.cmdline"));
        String ns = FieldCheck.text(a.outputFields().get("k8s.ns.name"));
        if (cmdline != null) {
            for (Step st : s.steps()) {
                if (ns != null && st.where() instanceof Target.Pod p && !p.namespace().equals(ns)) continue;
                List<String> cl = st.commandLine();
                String program = cl.get(0).substring(cl.get(0).lastIndexOf('/') + 1);
                String expected = cl.size() == 1 ? program : program + " " + String.join(" ", cl.subList(1, cl.size()));
                if (cmdline.equals(expected) || (st.shell() != null && cmdline.equals(st.shell().strip()))) return st.id();
            }
        }
        String best = null;
        for (int i = 0; i < windows.size() && i < s.steps().size(); i++) {
            long[] w = windows.get(i);
            if (a.timeNanos() >= w[0] - CLOCK_SLACK_NANOS && a.timeNanos() <= w[1] + CLOCK_SLACK_NANOS) best = s.steps().get(i).id();
        }
        return best;
    }

    private static long now() {
        java.time.Instant t = java.time.Instant.now();
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    @Override
    public void close() {
        if (cluster != null) cluster.close();
    }
}
