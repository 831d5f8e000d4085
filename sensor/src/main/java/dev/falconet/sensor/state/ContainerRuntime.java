package dev.falconet.sensor.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.falconet.event.ContainerInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Container metadata from the runtime's CLI ({@code podman inspect}, {@code docker inspect}):
 * name, image, repository, tag, privileged, start time, mounts, labels. Empty when the CLI is
 * missing, fails, or does not answer within the timeout.
 */
public class ContainerRuntime {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final long timeoutMillis;
    private final Map<String, Boolean> available = new HashMap<>();

    public ContainerRuntime(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    /** Metadata of a container, or empty. */
    public Optional<ContainerInfo> inspect(ContainerRef ref) {
        String cli = switch (ref.runtime()) {
            case "podman" -> "podman";
            case "docker" -> "docker";
            default -> null;
        };
        if (cli == null || !onPath(cli)) return Optional.empty();
        try {
            ProcessBuilder pb = new ProcessBuilder(cli, "inspect", "--type", "container", ref.fullId());
            pb.redirectErrorStream(false);
            pb.redirectError(ProcessBuilder.Redirect.DISCARD);
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            if (p.exitValue() != 0) return Optional.empty();
            return parse(ref, new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private boolean onPath(String cli) {
        return available.computeIfAbsent(cli, c -> {
            String path = System.getenv("PATH");
            if (path == null) path = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
            for (String d : path.split(":")) if (Files.isExecutable(Path.of(d, c))) return true;
            return false;
        });
    }

    /** Parses the JSON array {@code inspect} prints (docker and podman share these keys). */
    static Optional<ContainerInfo> parse(ContainerRef ref, String json) throws IOException {
        JsonNode root = JSON.readTree(json);
        JsonNode c = root.isArray() ? root.path(0) : root;
        if (c.isMissingNode() || c.isNull()) return Optional.empty();
        String name = c.path("Name").asText("");
        if (name.startsWith("/")) name = name.substring(1);
        String image = c.path("Config").path("Image").asText("");
        if (image.isEmpty()) image = c.path("ImageName").asText("");
        String imageId = c.path("Image").asText("");
        String repo = image, tag = "", digest = "";
        int at = repo.indexOf('@');
        if (at >= 0) {
            digest = repo.substring(at + 1);
            repo = repo.substring(0, at);
        }
        int slash = repo.lastIndexOf('/');
        int colon = repo.lastIndexOf(':');
        if (colon > slash) {
            tag = repo.substring(colon + 1);
            repo = repo.substring(0, colon);
        }
        Boolean privileged = c.path("HostConfig").has("Privileged") ? c.path("HostConfig").path("Privileged").asBoolean() : null;
        long startTs = 0;
        String started = c.path("State").path("StartedAt").asText("");
        if (!started.isEmpty()) {
            try {
                Instant i = OffsetDateTime.parse(started.replace(' ', 'T').replaceFirst(" ([+-])", "$1")).toInstant();
                startTs = i.getEpochSecond() * 1_000_000_000L + i.getNano();
            } catch (RuntimeException ignored) {
                startTs = 0; // podman prints a Go time format Java cannot always parse: unknown start
            }
        }
        List<ContainerInfo.Mount> mounts = new ArrayList<>();
        for (JsonNode m : c.path("Mounts")) {
            mounts.add(new ContainerInfo.Mount(m.path("Source").asText(""), m.path("Destination").asText(""),
                    m.path("Mode").asText(""), m.path("RW").asBoolean(false), m.path("Propagation").asText("")));
        }
        Map<String, String> labels = new HashMap<>();
        c.path("Config").path("Labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText("")));
        return Optional.of(new ContainerInfo(ref.shortId(), ref.fullId(), ref.runtime(), name, image, repo, tag, digest,
                imageId, privileged, startTs, mounts, labels, null));
    }
}
