package dev.falconet.fields;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falconet.capture.EventFactory;
import dev.falconet.capture.SyscallArgs;
import dev.falconet.event.ContainerInfo;
import dev.falconet.event.Event;
import dev.falconet.event.K8sInfo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldSemanticsTest {
    private final FieldRegistry registry = FieldRegistry.standard();
    private final EventFactory f = new EventFactory();

    private Object cond(String field, Event e) {
        return value(field, UseContext.CONDITION, e);
    }

    private Object out(String field, Event e) {
        return value(field, UseContext.OUTPUT, e);
    }

    private Object value(String field, UseContext ctx, Event e) {
        int b = field.indexOf('[');
        String name = b < 0 ? field : field.substring(0, b);
        String arg = b < 0 ? null : field.substring(b + 1, field.length() - 1);
        BindResult r = registry.bind(name, arg, ctx);
        assertThat(r.error()).as(field).isNull();
        return r.field().extract(e);
    }

    @Test
    void processAncestryOnAHostLoginShell() {
        EventFactory.HostShell login = f.hostShell("alice", 1000);
        Event exec = f.execve(login.bash(), "/usr/bin/cat", "/etc/shadow");

        assertThat(cond("proc.name", exec)).isEqualTo("cat");
        assertThat(cond("proc.exe", exec)).isEqualTo("cat");
        assertThat(cond("proc.exepath", exec)).isEqualTo("/usr/bin/cat");
        assertThat(cond("proc.args", exec)).isEqualTo("/etc/shadow");
        assertThat(cond("proc.cmdline", exec)).isEqualTo("cat /etc/shadow");
        assertThat(cond("proc.exeline", exec)).isEqualTo("cat /etc/shadow");
        assertThat(cond("proc.pname", exec)).isEqualTo("bash");
        assertThat(cond("proc.pexe", exec)).isEqualTo("-bash");
        assertThat(cond("proc.pexepath", exec)).isEqualTo("/usr/bin/bash");
        assertThat(cond("proc.pcmdline", exec)).isEqualTo("bash");
        assertThat(cond("proc.aname[0]", exec)).isEqualTo("cat");
        assertThat(cond("proc.aname[1]", exec)).isEqualTo("bash");
        assertThat(cond("proc.aname[2]", exec)).isEqualTo("sshd");
        assertThat(cond("proc.aname[3]", exec)).isEqualTo("sshd");
        assertThat(cond("proc.aname[4]", exec)).isEqualTo("systemd");
        assertThat(cond("proc.aname[5]", exec)).isNull();
        assertThat(cond("proc.aexepath[2]", exec)).isEqualTo("/usr/sbin/sshd");
        assertThat(cond("proc.aname", exec)).isEqualTo(List.of("bash", "sshd", "sshd", "systemd"));
        assertThat(out("proc.aname", exec)).isEqualTo("bash sshd sshd systemd");
        assertThat(cond("proc.apid[1]", exec)).isEqualTo(login.bash().pid());
        assertThat(cond("proc.apid", exec)).isEqualTo(List.of(login.bash().pid(), login.session().pid(), login.sshd().pid(), 1L));
        assertThat(out("proc.apid", exec)).isEqualTo(exec.thread().pid());
        assertThat(cond("proc.ppid", exec)).isEqualTo(login.bash().pid());
        assertThat(cond("proc.pid", exec)).isEqualTo(exec.thread().pid());
        assertThat(cond("thread.tid", exec)).isEqualTo(exec.thread().tid());
        assertThat(cond("proc.tty", exec)).isEqualTo(EventFactory.PTS0);
        assertThat(cond("proc.sname", exec)).isEqualTo("bash");
        assertThat(cond("proc.is_vpgid_leader", exec)).isEqualTo(true);
        assertThat(cond("proc.vpgid.name", exec)).isEqualTo("cat");
        assertThat(cond("proc.cwd", exec)).isEqualTo("/home/alice/");
        assertThat(cond("proc.env[HOME]", exec)).isEqualTo("/home/alice");
        assertThat(cond("proc.env[NOPE]", exec)).isNull();
        assertThat((String) cond("proc.env", exec)).contains("USER=alice");
        assertThat(cond("proc.aenv[HOME]", exec)).isEqualTo("/home/alice");
        assertThat(cond("proc.duration", exec)).isEqualTo(0L);
        assertThat(cond("user.name", exec)).isEqualTo("alice");
        assertThat(cond("user.uid", exec)).isEqualTo(1000L);
        assertThat(cond("user.loginuid", exec)).isEqualTo(1000L);
        assertThat(cond("user.loginname", exec)).isEqualTo("alice");
        assertThat(cond("group.gid", exec)).isEqualTo(1000L);
        assertThat(cond("thread.cap_effective", exec)).isEqualTo("");
        assertThat(cond("container.id", exec)).isEqualTo("host");
        assertThat(cond("container.name", exec)).isEqualTo("host");
        assertThat(cond("container.image.repository", exec)).isEqualTo("");
        assertThat(cond("container.privileged", exec)).isEqualTo(false);
        assertThat(cond("container.start_ts", exec)).isNull();
        assertThat(cond("k8s.ns.name", exec)).isNull();
        assertThat(cond("k8smeta.pod.name", exec)).isNull();

        Event sshdOpen = f.openat(login.sshd(), "/etc/ssh/sshd_config", OpenFlags.O_RDONLY);
        assertThat(cond("user.loginuid", sshdOpen)).isEqualTo(-1L);
        assertThat(cond("proc.pname", sshdOpen)).isEqualTo("systemd");
        assertThat(cond("proc.aname[2]", sshdOpen)).isNull();
        assertThat(cond("thread.cap_effective", sshdOpen).toString()).contains("CAP_SYS_ADMIN").startsWith("CAP_CHOWN ");
    }

    @Test
    void eventFieldsOfExecve() {
        EventFactory.HostShell login = f.hostShell("root", 0);
        Event exec = f.exec(login.bash(), "/usr/bin/python3", "-c", "print(1)").env("HTTP_PROXY=http://proxy:3128").run();
        assertThat(cond("evt.type", exec)).isEqualTo("execve");
        assertThat(cond("syscall.type", exec)).isEqualTo("execve");
        assertThat(cond("evt.num", exec)).isEqualTo(1L);
        assertThat(cond("evt.dir", exec)).isEqualTo("<");
        assertThat(cond("evt.res", exec)).isEqualTo("SUCCESS");
        assertThat(cond("evt.rawres", exec)).isEqualTo(0L);
        assertThat(cond("evt.failed", exec)).isEqualTo(false);
        assertThat(cond("evt.arg.flags", exec)).isEqualTo("0");
        assertThat(cond("evt.arg[0]", exec)).isEqualTo("0");
        assertThat(cond("evt.arg.exe", exec)).isEqualTo("python3");
        assertThat(cond("evt.arg.args", exec)).isEqualTo("-c.print(1).");
        assertThat(cond("evt.rawarg.pid", exec)).isEqualTo(exec.thread().pid());
        assertThat(cond("evt.arg.nope", exec)).isNull();
        assertThat(cond("evt.is_open_read", exec)).isEqualTo(false);
        assertThat(cond("proc.env", exec).toString()).contains("HTTP_PROXY=http://proxy:3128");
        assertThat(cond("evt.time.iso8601", exec)).isEqualTo("2026-01-15T10:00:00.000000000Z");
        assertThat(cond("evt.rawtime", exec)).isEqualTo(EventFactory.START_TS);
        assertThat(cond("evt.time", exec).toString()).matches("\\d\\d:\\d\\d:\\d\\d\\.000000000");
        assertThat(cond("evt.datetime", exec).toString()).matches("2026-01-1\\d \\d\\d:\\d\\d:\\d\\d\\.000000000");
        assertThat(cond("evt.hostname", exec).toString()).isNotEmpty();
        assertThat(cond("evt.cpu", exec)).isEqualTo(0L);
        assertThat(cond("evt.args", exec).toString()).startsWith("res=0 exe=python3 args=-c.print(1). tid=");
        assertThat(cond("fd.name", exec)).isNull();
        assertThat(cond("fd.num", exec)).isNull();
        assertThat(cond("fd.typechar", exec)).isNull();
    }

    @Test
    void openFlagsAndResults() {
        EventFactory.HostShell login = f.hostShell("alice", 1000);
        Event cat = f.execve(login.bash(), "/usr/bin/cat", "/etc/pam.d/passwd");
        Event read = f.openat(cat.thread(), "/etc/pam.d/passwd", OpenFlags.O_RDONLY | OpenFlags.O_CLOEXEC);
        assertThat(cond("evt.is_open_read", read)).isEqualTo(true);
        assertThat(cond("evt.is_open_write", read)).isEqualTo(false);
        assertThat(cond("evt.arg.flags", read)).isEqualTo("O_RDONLY|O_CLOEXEC");
        assertThat(cond("evt.rawarg.flags", read)).isEqualTo(OpenFlags.O_RDONLY | OpenFlags.O_CLOEXEC);
        assertThat(cond("evt.arg.fd", read)).isEqualTo("<f>/etc/pam.d/passwd");
        assertThat(cond("evt.arg.dirfd", read)).isEqualTo("AT_FDCWD");
        assertThat(cond("evt.arg.name", read)).isEqualTo("/etc/pam.d/passwd");
        assertThat(cond("evt.args", read).toString()).startsWith("fd=3(<f>/etc/pam.d/passwd) dirfd=-100(AT_FDCWD) name=/etc/pam.d/passwd flags=4097(O_RDONLY|O_CLOEXEC) mode=0");
        assertThat(cond("evt.rawres", read)).isEqualTo(3L);
        assertThat(cond("fd.num", read)).isEqualTo(3L);
        assertThat(cond("fd.name", read)).isEqualTo("/etc/pam.d/passwd");
        assertThat(cond("fd.directory", read)).isEqualTo("/etc/pam.d");
        assertThat(cond("fd.filename", read)).isEqualTo("passwd");
        assertThat(cond("fd.typechar", read)).isEqualTo("f");
        assertThat(cond("fd.type", read)).isEqualTo("file");
        assertThat(cond("fd.containername", read)).isEqualTo("host:/etc/pam.d/passwd");
        assertThat(cond("fd.cip", read)).isNull();
        assertThat(cond("fd.connected", read)).isNull();

        Event write = f.openat(cat.thread(), "notes.txt", OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_TRUNC);
        assertThat(cond("evt.is_open_write", write)).isEqualTo(true);
        assertThat(cond("evt.is_open_read", write)).isEqualTo(false);
        assertThat(cond("evt.is_open_create", write)).isEqualTo(true);
        assertThat(cond("evt.is_open_exec", write)).isEqualTo(false);
        assertThat(cond("evt.arg.flags", write)).isEqualTo("O_TRUNC|O_CREAT|O_WRONLY|O_F_CREATED");
        assertThat(cond("fd.name", write)).isEqualTo("/home/alice/notes.txt");
        assertThat(cond("fd.nameraw", write)).isEqualTo("notes.txt");
        assertThat(cond("fs.path.name", write)).isEqualTo("/home/alice/notes.txt");
        assertThat(cond("fs.path.nameraw", write)).isEqualTo("notes.txt");
        assertThat(cond("fs.path.source", write)).isNull();
        assertThat(cond("fd.num", write)).isEqualTo(4L);

        Event exe = f.openat(cat.thread(), "/tmp/dropper", OpenFlags.O_WRONLY | OpenFlags.O_CREAT, 0755);
        assertThat(cond("evt.is_open_exec", exe)).isEqualTo(true);
        assertThat(cond("evt.arg.mode", exe)).isEqualTo("0755");

        Event denied = f.openatFailing(cat.thread(), "/etc/shadow", OpenFlags.O_RDONLY, 13);
        assertThat(cond("evt.res", denied)).isEqualTo("EACCES");
        assertThat(cond("evt.rawres", denied)).isEqualTo(-13L);
        assertThat(cond("evt.failed", denied)).isEqualTo(true);
        assertThat(cond("evt.arg.fd", denied)).isEqualTo("EACCES");
        assertThat(cond("fd.name", denied)).isEqualTo("/etc/shadow");
        assertThat(cond("evt.is_open_read", denied)).isEqualTo(true);
    }

    @Test
    void socketFieldsAndRoles() {
        EventFactory.HostShell login = f.hostShell("alice", 1000);
        Event curl = f.execve(login.bash(), "/usr/bin/curl", "https://10.96.0.1");
        Event conn = f.connect(curl.thread(), "10.96.0.1", 443);
        assertThat(cond("fd.typechar", conn)).isEqualTo("4");
        assertThat(cond("fd.type", conn)).isEqualTo("ipv4");
        assertThat(cond("fd.name", conn)).isEqualTo("192.168.56.10:40000->10.96.0.1:443");
        assertThat(cond("fd.cip", conn)).isEqualTo("192.168.56.10");
        assertThat(cond("fd.sip", conn)).isEqualTo("10.96.0.1");
        assertThat(cond("fd.lip", conn)).isEqualTo("192.168.56.10");
        assertThat(cond("fd.rip", conn)).isEqualTo("10.96.0.1");
        assertThat(cond("fd.cport", conn)).isEqualTo(40000L);
        assertThat(cond("fd.sport", conn)).isEqualTo(443L);
        assertThat(cond("fd.lport", conn)).isEqualTo(40000L);
        assertThat(cond("fd.rport", conn)).isEqualTo(443L);
        assertThat(cond("fd.ip", conn)).isEqualTo(List.of("192.168.56.10", "10.96.0.1"));
        assertThat(cond("fd.port", conn)).isEqualTo(List.of(40000L, 443L));
        assertThat(cond("fd.net", conn)).isEqualTo(List.of("192.168.56.10", "10.96.0.1"));
        assertThat(cond("fd.snet", conn)).isEqualTo("10.96.0.1");
        assertThat(cond("fd.rnet", conn)).isEqualTo("10.96.0.1");
        assertThat(cond("fd.l4proto", conn)).isEqualTo("tcp");
        assertThat(cond("fd.sockfamily", conn)).isEqualTo("ip");
        assertThat(cond("fd.connected", conn)).isEqualTo(true);
        assertThat(cond("fd.is_server", conn)).isEqualTo(false);
        assertThat(cond("fd.name_changed", conn)).isEqualTo(false);
        assertThat(cond("fd.sip.name", conn)).isNull();
        assertThat(cond("fd.directory", conn)).isNull();
        assertThat(cond("evt.arg.tuple", conn)).isEqualTo("192.168.56.10:40000->10.96.0.1:443");
        assertThat(cond("evt.arg.fd", conn)).isEqualTo("<4t>192.168.56.10:40000->10.96.0.1:443");

        Event udp = f.socket(curl.thread(), SyscallArgs.AF_INET, SyscallArgs.SOCK_DGRAM, 0);
        Event send = f.sendto(curl.thread(), udp.fd().num(), "8.8.8.8", 53, new byte[] {1, 2, 'x'});
        assertThat(cond("fd.l4proto", send)).isEqualTo("udp");
        assertThat(cond("fd.connected", send)).isEqualTo(false);
        assertThat(cond("fd.name_changed", send)).isEqualTo(true);
        assertThat(cond("evt.buffer", send)).isEqualTo(new byte[] {1, 2, 'x'});
        assertThat(cond("evt.buflen", send)).isEqualTo(3L);
        assertThat(out("evt.arg.data", send)).isEqualTo("..x");
        Event srv = f.execve(login.bash(), "/usr/sbin/nginx");
        Event acc = f.accept(srv.thread(), "192.168.56.10", 8080, "203.0.113.7", 51515);
        assertThat(cond("fd.is_server", acc)).isEqualTo(true);
        assertThat(cond("fd.lport", acc)).isEqualTo(8080L);
        assertThat(cond("fd.rip", acc)).isEqualTo("203.0.113.7");
        assertThat(cond("fd.cip", acc)).isEqualTo("203.0.113.7");
        assertThat(cond("evt.type", acc)).isEqualTo("accept4");

        // reverse shell: stdin/stdout onto the socket
        Event dup = f.dup2(curl.thread(), 3, 0);
        assertThat(cond("evt.rawres", dup)).isEqualTo(0L);
        assertThat(cond("fd.num", dup)).isEqualTo(0L);
        assertThat(cond("fd.type", dup)).isEqualTo("ipv4");
        assertThat(cond("fd.sip", dup)).isEqualTo("10.96.0.1");
    }

    @Test
    void containerFieldsAndKubernetes() {
        ContainerInfo web = f.container("web", "docker.io/library/nginx:1.27").privileged(true)
                .mount("/var/run/docker.sock", "/var/run/docker.sock", true).mount("/proc", "/host/proc", false)
                .pod("prod", "web-7d4b9", Map.of("app", "web", "tier", "front")).build();
        EventFactory.ContainerShell c = f.containerShell(web);
        Event tcpdump = f.exec(c.init(), "/usr/bin/tcpdump", "-i", "eth0").upperLayer().run();
        Event sock = f.socket(tcpdump.thread(), SyscallArgs.AF_PACKET, SyscallArgs.SOCK_RAW, 768);

        assertThat(cond("evt.arg.domain", sock)).isEqualTo("AF_PACKET");
        assertThat(cond("evt.rawarg.domain", sock)).isEqualTo(17L);
        assertThat(cond("container.id", sock)).isEqualTo(web.id());
        assertThat(web.id()).hasSize(12).matches("[0-9a-f]+");
        assertThat(cond("container.full_id", sock).toString()).hasSize(64).startsWith(web.id());
        assertThat(cond("container.name", sock)).isEqualTo("web");
        assertThat(cond("container.image", sock)).isEqualTo("docker.io/library/nginx:1.27");
        assertThat(cond("container.image.repository", sock)).isEqualTo("docker.io/library/nginx");
        assertThat(cond("container.image.tag", sock)).isEqualTo("1.27");
        assertThat(cond("container.type", sock)).isEqualTo("containerd");
        assertThat(cond("container.privileged", sock)).isEqualTo(true);
        assertThat(cond("container.mounts", sock)).isEqualTo("/var/run/docker.sock:/var/run/docker.sock::true:rprivate,/proc:/host/proc:ro:false:rprivate");
        assertThat(cond("container.mount.dest[/var/run/docker.sock]", sock)).isEqualTo("/var/run/docker.sock");
        assertThat(cond("container.mount.dest[/proc*]", sock)).isEqualTo("/host/proc");
        assertThat(cond("container.mount.dest[/etc]", sock)).isNull();
        assertThat(cond("container.mount.source[/host/proc]", sock)).isEqualTo("/proc");
        assertThat(cond("container.mount[1]", sock)).isEqualTo("/proc:/host/proc:ro:false:rprivate");
        assertThat(cond("container.mount[7]", sock)).isEqualTo("none");
        assertThat(cond("container.mount.rdwr[0]", sock)).isEqualTo("true");
        assertThat(cond("container.duration", sock)).isEqualTo(f.now() - 1_000_000L - web.startTs());
        assertThat(cond("container.info", sock)).isEqualTo("");
        assertThat(cond("proc.vpid", sock)).isEqualTo(2L);
        assertThat(cond("proc.pname", sock)).isEqualTo("sh");
        assertThat(cond("proc.aname[2]", sock)).isIn("conmon", "containerd-shim");
        assertThat(cond("proc.is_exe_upper_layer", tcpdump)).isEqualTo(true);
        assertThat(cond("evt.arg.flags", tcpdump)).isEqualTo("EXE_UPPER_LAYER");
        assertThat(cond("proc.exe_ino.ctime_duration_proc_start", tcpdump)).isEqualTo(2_000_000_000L);
        assertThat(cond("thread.cap_effective", sock).toString()).contains("CAP_SYS_ADMIN");
        assertThat(cond("user.loginuid", sock)).isEqualTo(-1L);

        assertThat(cond("k8s.ns.name", sock)).isEqualTo("prod");
        assertThat(cond("k8s.pod.name", sock)).isEqualTo("web-7d4b9");
        assertThat(cond("k8s.pod.label[app]", sock)).isEqualTo("web");
        assertThat(cond("k8s.pod.labels", sock)).isEqualTo("app:web, tier:front");
        assertThat(cond("k8s.pod.sandbox_id", sock).toString()).hasSize(12);
        assertThat(cond("k8s.deployment.name", sock)).isNull();
        assertThat(cond("k8smeta.ns.name", sock)).isEqualTo("prod");
        assertThat(cond("k8smeta.pod.label[tier]", sock)).isEqualTo("front");
        assertThat(cond("k8smeta.pod.labels", sock)).isEqualTo(List.of("app:web", "tier:front"));
        assertThat(cond("k8smeta.ns.labels", sock)).isEqualTo(List.of("kubernetes.io/metadata.name:prod"));
        assertThat(cond("k8smeta.svc.name", sock)).isNull();
        assertThat(cond("k8smeta.deployment.labels", sock)).isNull();
        assertThat(cond("fd.containername", sock)).isEqualTo(web.id() + ":");
    }

    @Test
    void kubernetesOwnersAndServices() {
        K8sInfo info = new K8sInfo("api-1", "uid-1", "shop", Map.of("app", "api"), "10.1.0.5", "ns-uid", Map.of("team", "a"),
                "api", "dep-uid", "api-6f9", "rs-uid", null, null, List.of("api", "api-headless"), "node-1",
                Map.of("app", "api"), Map.of("pod-template-hash", "6f9"), null, null, null, List.of("s1", "s2"),
                List.of(Map.of("app", "api"), Map.of("app", "api", "headless", "true")));
        ContainerInfo api = f.container("api", "ghcr.io/shop/api:2.1").type("containerd").k8s(info).build();
        Event e = f.openat(f.containerShell(api).init(), "/app/config.yaml", OpenFlags.O_RDONLY);
        assertThat(cond("k8smeta.deployment.name", e)).isEqualTo("api");
        assertThat(cond("k8smeta.deployment.label[app]", e)).isEqualTo("api");
        assertThat(cond("k8smeta.rs.labels", e)).isEqualTo(List.of("pod-template-hash:6f9"));
        assertThat(cond("k8smeta.svc.name", e)).isEqualTo(List.of("api", "api-headless"));
        assertThat(cond("k8smeta.svc.uid", e)).isEqualTo(List.of("s1", "s2"));
        assertThat(cond("k8smeta.svc.label[headless]", e)).isEqualTo(List.of("true"));
        assertThat(cond("k8smeta.svc.labels", e)).isEqualTo(List.of("app:api", "app:api", "headless:true"));
        assertThat(cond("k8smeta.rc.name", e)).isNull();
        assertThat(cond("k8smeta.rc.labels", e)).isNull();
        assertThat(cond("k8s.pod.name", e)).isEqualTo("api-1");
        assertThat(cond("k8s.ns.name", e)).isEqualTo("shop");
    }

    @Test
    void symlinkPtraceAndOtherEvents() {
        EventFactory.HostShell login = f.hostShell("root", 0);
        Event ln = f.execve(login.bash(), "/usr/bin/ln", "-s", "/etc/shadow", "/tmp/x");
        Event sym = f.symlinkat(ln.thread(), "/etc/shadow", "/tmp/x");
        assertThat(cond("evt.type", sym)).isEqualTo("symlinkat");
        assertThat(cond("evt.arg.target", sym)).isEqualTo("/etc/shadow");
        assertThat(cond("evt.arg.linkpath", sym)).isEqualTo("/tmp/x");
        assertThat(cond("evt.arg.linkdirfd", sym)).isEqualTo("AT_FDCWD");
        assertThat(cond("fs.path.source", sym)).isEqualTo("/etc/shadow");
        assertThat(cond("fs.path.target", sym)).isEqualTo("/tmp/x");
        assertThat(cond("fs.path.name", sym)).isNull();
        Event gdb = f.execve(login.bash(), "/usr/bin/gdb", "-p", "1");
        Event pt = f.ptrace(gdb.thread(), SyscallArgs.PTRACE_ATTACH, 1);
        assertThat(cond("evt.arg.request", pt)).isEqualTo("PTRACE_ATTACH");
        assertThat(cond("evt.arg.pid", pt)).isEqualTo("1");
        Event link = f.linkat(ln.thread(), "/etc/shadow", "/tmp/y");
        assertThat(cond("evt.arg.oldpath", link)).isEqualTo("/etc/shadow");
        assertThat(cond("evt.arg.newpath", link)).isEqualTo("/tmp/y");
        Event failed = f.exec(login.bash(), "/tmp/nothere").fails(2).run();
        assertThat(cond("evt.res", failed)).isEqualTo("ENOENT");
        assertThat(cond("proc.name", failed)).isEqualTo("bash");
    }
}
