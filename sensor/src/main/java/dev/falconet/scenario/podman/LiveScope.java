package dev.falconet.scenario.podman;

import dev.falconet.event.ContainerInfo;
import dev.falconet.event.ThreadInfo;
import dev.falconet.scenario.Step;
import dev.falconet.scenario.Target;
import dev.falconet.scenario.run.StepAttribution;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which live events belong to a scenario run: every event in one of the scenario's containers, and on the
 * host the events of a host step's command (and its descendants) that this JVM started. Everything else
 * the machine does is ignored, so a live run sees the same alerts as its trimmed capture.
 */
final class LiveScope {
    private final Set<String> containerIds = ConcurrentHashMap.newKeySet();
    private final Set<String> containerNames = ConcurrentHashMap.newKeySet();
    private final StepAttribution hostSteps;
    private final long selfPid = ProcessHandle.current().pid();
    /** Set while a host step runs (until the sensor caught up): this JVM's children are then the step's command. */
    private volatile boolean hostStepRunning;

    LiveScope(List<Step> steps) {
        List<Step> host = steps.stream().filter(s -> s.where() instanceof Target.Host).toList();
        hostSteps = host.isEmpty() ? null : new StepAttribution(host);
    }

    /** A container of the run, by full id and name. */
    void addContainer(String fullId, String name) {
        containerIds.add(fullId);
        containerNames.add(name);
    }

    /** Marks the start and the end (after the sensor caught up) of a host step. */
    void hostStep(boolean running) {
        hostStepRunning = running;
    }

    /**
     * Whether this thread's events belong to the run. On the host: a descendant of this JVM that is a host
     * step's command line or runs below one, or, while a host step runs, any child of this JVM other than
     * the sync marker and the container runtime's CLI. The second case keeps programs that replace
     * themselves by another one ({@code setpriv ... login}, {@code unshare ... sh}, a loader that executes
     * a memfd), whose command line no longer is the step's.
     */
    boolean contains(ThreadInfo t) {
        ContainerInfo c = t.container();
        if (c != null) return containerIds.contains(c.fullId()) || containerNames.contains(c.name());
        if (hostSteps == null) return false;
        boolean isStep = hostSteps.stepOf(t) != null;
        ThreadInfo child = t;
        for (int i = 1; i < 64; i++) {
            ThreadInfo a = t.ancestor(i);
            if (a == null) return false;
            if (a.pid() == selfPid) return isStep || (hostStepRunning && !runnerHelper(child));
            child = a;
        }
        return false;
    }

    /** The JVM's own helpers: the sync marker ({@code true falconet-scenario-sync-...}) and podman/docker calls. */
    private static boolean runnerHelper(ThreadInfo child) {
        String exe = child.exe() == null ? "" : child.exe().substring(child.exe().lastIndexOf('/') + 1);
        if (exe.equals("podman") || exe.equals("docker") || exe.equals("conmon")) return true;
        return !child.args().isEmpty() && child.args().get(0).startsWith("falconet-scenario-sync-");
    }
}
