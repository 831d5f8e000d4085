package dev.falconet.sensor.live;

import dev.falconet.testing.SharedMaterial;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static dev.falconet.sensor.live.SensorTestSupport.assumeSensorCanRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Acceptance in a real podman container (a busybox-static image built here, no registry): the
 * stable rules fire with the container's short id, name and image repository, and a binary
 * copied in after start is seen on the overlay upper layer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContainerRulesAcceptanceTest {
    static final String IMAGE = "localhost/falconet-busybox:test";
    private final String name = "falconet-test-" + UUID.randomUUID().toString().substring(0, 8);
    private Path work;
    private RuleHarness h;
    private String fullId;

    @BeforeAll
    void setUp() throws Exception {
        assumeSensorCanRun();
        assumeTrue(onPath("podman"), "podman not installed: container tests skipped");
        Path busybox = Files.isExecutable(Path.of("/bin/busybox")) ? Path.of("/bin/busybox") : Path.of("/usr/bin/busybox");
        assumeTrue(Files.isExecutable(busybox), "busybox-static not installed: no image to build");
        work = Files.createTempDirectory("falconet-podman");
        // this machine's podman needs runc, cgroupfs and explicit ulimits (see docs/sensor.md)
        Files.writeString(work.resolve("containers.conf"), """
                [containers]
                default_ulimits = ["nofile=20000:20000", "nproc=4096:4096"]
                [engine]
                runtime = "runc"
                cgroup_manager = "cgroupfs"
                """);
        if (podman("image", "exists", IMAGE).exit != 0) buildImage(busybox);
        Path rules = SharedMaterial.upstreamRules().resolve("falco_rules.yaml");
        h = new RuleHarness(List.of(rules));
        Result run = podman("run", "-d", "--name", name, "--cap-add", "NET_RAW", IMAGE, "sleep", "120");
        assertThat(run.exit).as("podman run: %s", run.out).isZero();
        fullId = run.out.strip();
        assertThat(fullId).hasSize(64);
    }

    @AfterAll
    void tearDown() throws Exception {
        if (fullId != null) podman("rm", "-f", "-t", "0", name);
        if (h != null) h.close();
        if (work != null) new ProcessBuilder("rm", "-rf", work.toString()).start().waitFor();
    }

    private void buildImage(Path busybox) throws Exception {
        Path root = Files.createDirectories(work.resolve("rootfs"));
        for (String d : List.of("bin", "etc", "tmp")) Files.createDirectories(root.resolve(d));
        Files.copy(busybox, root.resolve("bin/busybox"));
        for (String applet : List.of("sh", "cat", "cp", "ls", "sleep", "echo", "arping"))
            Files.createSymbolicLink(root.resolve("bin").resolve(applet), Path.of("busybox"));
        Files.writeString(root.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534::/:/bin/sh\n");
        Files.writeString(root.resolve("etc/group"), "root:x:0:\n");
        Files.writeString(root.resolve("etc/shadow"), "root:*:19000:0:99999:7:::\n");
        ProcessBuilder b = env(new ProcessBuilder("sh", "-c", "tar -C " + root + " -c . | podman import - " + IMAGE))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process started = b.start();
        assertThat(started.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(started.exitValue()).as("podman import").isZero();
    }

    private ProcessBuilder env(ProcessBuilder b) {
        b.environment().put("CONTAINERS_CONF", work.resolve("containers.conf").toString());
        return b;
    }

    private record Result(int exit, String out) {}

    private Result podman(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add("podman");
        cmd.addAll(List.of(args));
        ProcessBuilder b = env(new ProcessBuilder(cmd)).redirectErrorStream(true);
        Process p = b.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) p.destroyForcibly();
        return new Result(p.exitValue(), out);
    }

    private static boolean onPath(String cmd) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":"))
            if (Files.isExecutable(Path.of(d, cmd))) return true;
        return false;
    }

    private RuleHarness.Fired once(String rule) throws InterruptedException {
        String shortId = fullId.substring(0, 12);
        List<RuleHarness.Fired> f = h.alertsWhere(rule, x -> shortId.equals(x.field("container.id")), 8000);
        assertThat(f).as("alerts of '%s' in container %s; all alerts: %s", rule, shortId,
                h.fired.stream().map(x -> x.alert().rule() + "@" + x.field("container.id")).toList()).hasSize(1);
        RuleHarness.Fired one = f.get(0);
        if (one.alert().outputFields().containsKey("container.name"))
            assertThat(one.field("container.name")).isEqualTo(name);
        return one;
    }

    @Test
    void readSensitiveFileInTheContainer() throws Exception {
        assertThat(podman("exec", name, "cat", "/etc/shadow").exit).isZero();
        RuleHarness.Fired f = once("Read sensitive file untrusted");
        assertThat(f.field("fd.name")).isEqualTo("/etc/shadow");
        assertThat(f.field("proc.name")).isEqualTo("cat");
        assertThat(f.imageRepository()).isEqualTo("localhost/falconet-busybox");
        // proc.vpid is the id inside the container's pid namespace (sleep, the container's first process, is 1)
        assertThat(f.vpid()).isPositive().isLessThan(f.pid());
    }

    @Test
    void droppedBinaryRunsFromTheUpperLayer() throws Exception {
        // a copied busybox runs the applet its name says: /tmp/echo is echo
        assertThat(podman("cp", busyboxPath(), name + ":/tmp/echo").exit).isZero();
        assertThat(podman("exec", name, "/tmp/echo", "dropped").exit).isZero();
        RuleHarness.Fired f = once("Drop and execute new binary in container");
        assertThat(f.field("proc.exepath")).isEqualTo("/tmp/echo");
        assertThat(f.upperLayer()).isTrue();
        assertThat(f.args().get("flags")).contains("EXE_UPPER_LAYER");
        assertThat(f.imageRepository()).isEqualTo("localhost/falconet-busybox");
        assertThat(f.alert().output()).contains("Critical");
    }

    @Test
    void packetSocketInTheContainer() throws Exception {
        podman("exec", name, "arping", "-c", "1", "-w", "1", "-I", "lo", "127.0.0.1");
        RuleHarness.Fired f = once("Packet socket created in container");
        assertThat(f.args().get("domain")).isEqualTo("AF_PACKET");
        assertThat(f.field("proc.name")).isEqualTo("arping");
    }

    private static String busyboxPath() {
        return Files.isExecutable(Path.of("/bin/busybox")) ? "/bin/busybox" : "/usr/bin/busybox";
    }
}
