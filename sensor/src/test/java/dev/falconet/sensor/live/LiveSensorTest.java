package dev.falconet.sensor.live;

import dev.falconet.sensor.pipeline.SensorPipeline;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static dev.falconet.sensor.live.SensorTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real probe, loaded and attached in this JVM, watching real syscalls made by child
 * processes (the sensor ignores its own process). Needs root, BTF and a build with clang.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveSensorTest {
    private final String tag = "falconet-" + UUID.randomUUID().toString().substring(0, 8);
    private Collector collector;
    private SensorPipeline pipeline;

    @BeforeAll
    void attach() {
        assumeSensorCanRun();
        collector = new Collector();
        pipeline = pipeline(collector);
    }

    @AfterAll
    void detach() {
        if (pipeline != null) pipeline.close();
    }

    @Test
    void openOfAUniqueFileHasFlagsFdNameAndAncestry() throws Exception {
        Path file = Files.writeString(Path.of("/tmp", tag + "-open.txt"), "x");
        try {
            run("/bin/sh", "-c", "/bin/cat " + file + " > /dev/null");
            List<Seen> opens = await(pipeline, collector,
                    s -> s.type().startsWith("open") && file.toString().equals(s.fdName()) && s.comm().equals("cat"), 5000);
            assertThat(opens).hasSize(1);
            Seen o = opens.get(0);
            assertThat(o.arg("flags")).isEqualTo("O_RDONLY");
            assertThat(o.fdType()).isEqualTo("file");
            assertThat(o.res()).isGreaterThanOrEqualTo(0);
            assertThat(o.exepath()).isEqualTo("/usr/bin/cat");
            assertThat(o.procArgs()).containsExactly(file.toString());
            assertThat(o.pname()).isEqualTo("sh");
            assertThat(o.aname2()).isEqualTo("java");
            assertThat(o.user()).isEqualTo("root");
            assertThat(o.container()).isEqualTo("host");
            assertThat(o.arg("ino")).isEqualTo(Long.toString((Long) Files.getAttribute(file, "unix:ino")));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void execOfTrueWithAUniqueArgument() throws Exception {
        run("/bin/true", "--" + tag);
        List<Seen> execs = await(pipeline, collector,
                s -> s.type().equals("execve") && s.procArgs().contains("--" + tag), 5000);
        assertThat(execs).hasSize(1);
        Seen e = execs.get(0);
        assertThat(e.res()).isZero();
        assertThat(e.comm()).isEqualTo("true");
        assertThat(e.exepath()).isEqualTo("/usr/bin/true");
        assertThat(e.arg("exe")).isEqualTo("/bin/true");
        assertThat(e.arg("args")).isEqualTo("--" + tag);
        assertThat(e.pname()).isEqualTo("java");
        assertThat(e.arg("flags")).contains("EXE_WRITABLE"); // root owns /usr/bin/true, mode 755
        assertThat(e.arg("flags")).doesNotContain("EXE_UPPER_LAYER");
        assertThat(e.event().thread().cwd()).isEqualTo(System.getProperty("user.dir"));
    }

    @Test
    void failedExecReportsTheErrorAndThePath() throws Exception {
        String missing = "/tmp/" + tag + "-missing";
        run("/bin/sh", "-c", "exec " + missing + " 2>/dev/null");
        List<Seen> execs = await(pipeline, collector, s -> s.type().equals("execve") && missing.equals(s.arg("exe")), 5000);
        assertThat(execs).isNotEmpty();
        assertThat(execs.get(0).res()).isEqualTo(-2);
        assertThat(execs.get(0).arg("res")).isEqualTo("-2(ENOENT)");
    }

    @Test
    void symlinkOverASensitiveFile() throws Exception {
        Path link = Path.of("/tmp", tag + "-link");
        try {
            run("/bin/ln", "-s", "/etc/shadow", link.toString());
            List<Seen> links = await(pipeline, collector,
                    s -> s.type().startsWith("symlink") && link.toString().equals(s.arg("linkpath")), 5000);
            assertThat(links).hasSize(1);
            assertThat(links.get(0).arg("target")).isEqualTo("/etc/shadow");
            assertThat(links.get(0).comm()).isEqualTo("ln");
        } finally {
            Files.deleteIfExists(link);
        }
    }

    @Test
    void connectToALoopbackPortHasTheTuple() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            int port = server.getLocalPort();
            run("/bin/bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/" + port + "; echo " + tag + " >&3");
            List<Seen> connects = await(pipeline, collector,
                    s -> s.type().equals("connect") && s.fdName() != null && s.fdName().endsWith("->127.0.0.1:" + port), 5000);
            assertThat(connects).hasSize(1);
            Seen c = connects.get(0);
            assertThat(c.res()).isZero();
            assertThat(c.fdType()).isEqualTo("ipv4");
            assertThat(c.arg("tuple")).isEqualTo(c.fdName()).startsWith("127.0.0.1:");
            assertThat(c.arg("addr")).isEqualTo("127.0.0.1:" + port);
            assertThat(c.event().fd().l4proto()).isEqualTo("tcp");
            assertThat(c.event().fd().serverPort()).isEqualTo(port);
        }
    }

    @Test
    void packetSocketRendersAfPacket() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/busybox")) || Files.isExecutable(Path.of("/usr/bin/busybox")),
                "busybox-static not installed: its arping opens the AF_PACKET socket");
        run("busybox", "arping", "-c", "1", "-w", "1", "-I", "lo", "127.0.0.1");
        List<Seen> sockets = await(pipeline, collector,
                s -> s.type().equals("socket") && "AF_PACKET".equals(s.arg("domain")) && s.comm().equals("busybox"), 5000);
        assertThat(sockets).isNotEmpty();
        assertThat(sockets.get(0).res()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void probeReportsNoDrops() throws Exception {
        run("/bin/true");
        pipeline.drainOnce();
        assertThat(pipeline.counters().ringDrops()).isZero();
        assertThat(pipeline.stats().malformed()).isZero();
    }
}
