package dev.falconet.sensor.state;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A container as a cgroup path names it: the runtime and the 64-hex id. Recognized layouts:
 * docker ({@code /docker/<id>}, {@code docker-<id>.scope}), podman ({@code libpod-<id>}, also
 * under {@code /libpod_parent/}), containerd/CRI ({@code cri-containerd-<id>.scope},
 * {@code /kubepods/.../<id>}), cri-o ({@code crio-<id>.scope}), and minikube's nested docker
 * ({@code /docker/<node>/kubepods/.../<id>}: the innermost id is the container).
 */
public record ContainerRef(String runtime, String fullId) {
    private static final Pattern ID = Pattern.compile("(?:^|[-/])([0-9a-f]{64})(?:\\.scope)?$");

    public String shortId() {
        return fullId.substring(0, 12);
    }

    /** The container in this cgroup path, if any. */
    public static Optional<ContainerRef> fromCgroup(String path) {
        if (path == null || path.isEmpty()) return Optional.empty();
        String[] comps = path.split("/");
        for (int i = comps.length - 1; i >= 0; i--) {
            String c = comps[i];
            if (c.startsWith("libpod-conmon-")) continue; // podman's monitor, not the container
            Matcher m = ID.matcher(c);
            if (!m.find()) continue;
            String id = m.group(1);
            String runtime;
            if (c.startsWith("libpod-")) runtime = "podman";
            else if (c.startsWith("docker-")) runtime = "docker";
            else if (c.startsWith("cri-containerd-")) runtime = "containerd";
            else if (c.startsWith("crio-")) runtime = "cri-o";
            else if (path.contains("/kubepods")) runtime = path.startsWith("/docker/") || path.contains("/docker/") ? "docker" : "containerd";
            else if (i > 0 && comps[i - 1].equals("docker")) runtime = "docker";
            else if (i > 0 && comps[i - 1].equals("libpod_parent")) runtime = "podman";
            else runtime = "unknown";
            return Optional.of(new ContainerRef(runtime, id));
        }
        return Optional.empty();
    }

    /** The first container found in any of these cgroup paths. */
    public static Optional<ContainerRef> fromCgroups(List<String> paths) {
        for (String p : paths) {
            Optional<ContainerRef> r = fromCgroup(p);
            if (r.isPresent()) return r;
        }
        return Optional.empty();
    }
}
