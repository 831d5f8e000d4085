package dev.falconet.lab.kube;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Builds {@link PodRow}s from pods the way kubectl computes its columns. */
public final class PodRows {
    private PodRows() {}

    public static PodRow of(Pod pod, Instant now) {
        var md = pod.getMetadata();
        var spec = pod.getSpec();
        var st = pod.getStatus();
        List<String> images = spec == null ? List.of() : spec.getContainers().stream().map(c -> c.getImage()).toList();
        List<ContainerStatus> cs = st == null || st.getContainerStatuses() == null ? List.of() : st.getContainerStatuses();
        int ready = (int) cs.stream().filter(c -> Boolean.TRUE.equals(c.getReady())).count();
        int restarts = cs.stream().mapToInt(c -> c.getRestartCount() == null ? 0 : c.getRestartCount()).sum();
        Instant created = parse(md.getCreationTimestamp());
        String node = spec == null || spec.getNodeName() == null ? "" : spec.getNodeName();
        return new PodRow(md.getNamespace(), md.getName(), images, md.getLabels() == null ? java.util.Map.of() : md.getLabels(),
                node, status(pod), ready, spec == null ? 0 : spec.getContainers().size(), restarts, created,
                created == null ? "<unknown>" : age(Duration.between(created, now)));
    }

    /** kubectl's STATUS column (the common cases of its printer). */
    public static String status(Pod pod) {
        var st = pod.getStatus();
        String reason = st == null || st.getPhase() == null ? "Pending" : st.getPhase();
        if (st != null && st.getReason() != null && !st.getReason().isEmpty()) reason = st.getReason();
        if (st != null && st.getInitContainerStatuses() != null) {
            int i = 0;
            for (ContainerStatus c : st.getInitContainerStatuses()) {
                var state = c.getState();
                if (state != null && state.getTerminated() != null && state.getTerminated().getExitCode() == 0) { i++; continue; }
                if (state != null && state.getWaiting() != null && state.getWaiting().getReason() != null
                        && !"PodInitializing".equals(state.getWaiting().getReason())) {
                    return "Init:" + state.getWaiting().getReason();
                }
                return "Init:" + i + "/" + st.getInitContainerStatuses().size();
            }
        }
        if (st != null && st.getContainerStatuses() != null) {
            boolean running = false;
            for (ContainerStatus c : st.getContainerStatuses().reversed()) {
                var state = c.getState();
                if (state == null) continue;
                if (state.getWaiting() != null && state.getWaiting().getReason() != null) {
                    reason = state.getWaiting().getReason();
                } else if (state.getTerminated() != null) {
                    var t = state.getTerminated();
                    reason = t.getReason() != null ? t.getReason()
                            : t.getSignal() != null && t.getSignal() != 0 ? "Signal:" + t.getSignal() : "ExitCode:" + t.getExitCode();
                } else if (state.getRunning() != null && Boolean.TRUE.equals(c.getReady())) {
                    running = true;
                }
            }
            if ("Completed".equals(reason) && running) reason = "Running";
        }
        if (pod.getMetadata().getDeletionTimestamp() != null) reason = "Terminating";
        return reason;
    }

    /** kubectl's human duration: 45s, 3m20s, 70m, 5h10m, 30h, 3d4h, 90d, 2y10d. */
    public static String age(Duration d) {
        long s = d.toSeconds();
        if (s < 0) return "0s";
        if (s < 120) return s + "s";
        long m = s / 60;
        if (m < 10) return s % 60 == 0 ? m + "m" : m + "m" + (s % 60) + "s";
        if (m < 180) return m + "m";
        long h = m / 60;
        if (h < 8) return m % 60 == 0 ? h + "h" : h + "h" + (m % 60) + "m";
        if (h < 48) return h + "h";
        if (h < 24 * 8) return h % 24 == 0 ? (h / 24) + "d" : (h / 24) + "d" + (h % 24) + "h";
        if (h < 24 * 365 * 2) return (h / 24) + "d";
        long y = h / (24 * 365);
        if (h < 24 * 365 * 8) {
            long days = (h / 24) % 365;
            return days == 0 ? y + "y" : y + "y" + days + "d";
        }
        return y + "y";
    }

    private static Instant parse(String ts) {
        if (ts == null) return null;
        try {
            return Instant.parse(ts);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
