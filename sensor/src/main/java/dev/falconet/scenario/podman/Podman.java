package dev.falconet.scenario.podman;

import dev.falconet.scenario.run.ScenarioException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The podman command line, with the engine settings this lab's machines need (runc, cgroupfs and explicit
 * ulimits; see docs/sensor.md) in a {@code CONTAINERS_CONF} file of its own.
 */
final class Podman implements AutoCloseable {
    /** A finished podman command. */
    record Result(int exit, String out) {}

    private final Path work;
    private final Path conf;

    Podman() throws ScenarioException {
        try {
            work = Files.createTempDirectory("falconet-scenario");
            conf = work.resolve("containers.conf");
            Files.writeString(conf, """
                    [containers]
                    default_ulimits = ["nofile=20000:20000", "nproc=4096:4096"]
                    [engine]
                    runtime = "runc"
                    cgroup_manager = "cgroupfs"
                    """);
        } catch (IOException e) {
            throw new ScenarioException("cannot create a work directory for podman: " + e.getMessage(), e);
        }
    }

    /** A scratch directory removed on close. */
    Path work() {
        return work;
    }

    /** A process builder with podman's settings in its environment. */
    ProcessBuilder builder(List<String> command) {
        ProcessBuilder b = new ProcessBuilder(command);
        b.environment().put("CONTAINERS_CONF", conf.toString());
        return b;
    }

    /** Runs {@code podman ARGS} and waits (at most {@code timeoutSeconds}). */
    Result run(long timeoutSeconds, String... args) throws ScenarioException {
        List<String> cmd = new ArrayList<>();
        cmd.add("podman");
        cmd.addAll(List.of(args));
        return exec(cmd, timeoutSeconds);
    }

    /** Runs a command with podman's settings and waits. */
    Result exec(List<String> cmd, long timeoutSeconds) throws ScenarioException {
        try {
            Process p = builder(cmd).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            // read in the background: a full pipe must not block the command
            var out = new java.util.concurrent.CompletableFuture<String>();
            Thread.ofVirtual().start(() -> {
                try {
                    out.complete(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    out.complete("");
                }
            });
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new ScenarioException(String.join(" ", cmd) + " did not finish within " + timeoutSeconds + " s");
            }
            return new Result(p.exitValue(), out.get(5, TimeUnit.SECONDS));
        } catch (IOException e) {
            throw new ScenarioException("cannot run " + cmd.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScenarioException("interrupted while running " + String.join(" ", cmd), e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new ScenarioException("cannot read the output of " + String.join(" ", cmd), e);
        }
    }

    @Override
    public void close() {
        try (var s = Files.walk(work)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a scratch directory in /tmp: left for the system to clean
        }
    }
}
