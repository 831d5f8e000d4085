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

    LiveScope(List<Step> steps) {
        List<Step> host = steps.stream().filter(s -> s.where() instanceof Target.Host).toList();
        hostSteps = host.isEmpty() ? null : new StepAttribution(host);
    }

    /** A container of the run, by full id and name. */
    void addContainer(String fullId, String name) {
        containerIds.add(fullId);
        containerNames.add(name);
    }

    /** Whether this thread's events belong to the run. */
    boolean contains(ThreadInfo t) {
        ContainerInfo c = t.container();
        if (c != null) return containerIds.contains(c.fullId()) || containerNames.contains(c.name());
        if (hostSteps == null || hostSteps.stepOf(t) == null) return false;
        for (int i = 1; i < 64; i++) {
            ThreadInfo a = t.ancestor(i);
            if (a == null) return false;
            if (a.pid() == selfPid) return true;
        }
        return false;
    }
}
