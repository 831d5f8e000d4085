package dev.falconet.bench;

import dev.falconet.event.Arg;
import dev.falconet.event.ArgType;
import dev.falconet.event.ContainerInfo;
import dev.falconet.event.Event;
import dev.falconet.event.EventTypes;
import dev.falconet.event.FdInfo;
import dev.falconet.event.FdType;
import dev.falconet.event.K8sInfo;
import dev.falconet.event.ThreadInfo;
import dev.falconet.event.ThreadTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A realistic, seeded mix of syscall exit events for benchmarks: a host process tree (systemd,
 * sshd, bash, cron, a JVM, a web server) and three Kubernetes containers (nginx, ubuntu, redis),
 * doing what such machines do: mostly opens of libraries, config and /proc files, some execs of
 * common tools, connects, sockets, and a tail of other state-tracking syscalls that no rule indexes.
 */
public final class MixedEventStream {
    private final ThreadTable table = new ThreadTable();
    private final Random rnd;
    private final List<ThreadInfo> actors = new ArrayList<>();
    private long num;
    private long ts = 1_733_000_000_000_000_000L;

    private static final String[] FILES = {"/etc/ld.so.cache", "/lib/x86_64-linux-gnu/libc.so.6", "/usr/lib/x86_64-linux-gnu/libssl.so.3",
            "/proc/self/stat", "/proc/meminfo", "/etc/nsswitch.conf", "/etc/passwd", "/etc/group", "/etc/hosts",
            "/var/log/nginx/access.log", "/usr/share/zoneinfo/UTC", "/etc/localtime", "/tmp/x.tmp", "/var/lib/dpkg/status",
            "/sys/fs/cgroup/cpu.max", "/etc/resolv.conf", "/home/student/.bashrc", "/usr/lib/locale/C.utf8/LC_CTYPE"};
    private static final String[] TOOLS = {"ls", "cat", "grep", "sed", "awk", "ps", "date", "sleep", "curl", "find", "head", "wc"};
    private static final String[] NOT_INDEXED = {"close", "read", "write", "fstat", "mmap", "futex", "epoll_wait", "clone", "getdents64", "lseek"};

    public MixedEventStream(long seed) {
        rnd = new Random(seed);
        ThreadInfo systemd = proc(1, 0, "systemd", "/usr/lib/systemd/systemd", List.of("--system"), null);
        ThreadInfo sshd = proc(800, 1, "sshd", "/usr/sbin/sshd", List.of("-D"), null);
        ThreadInfo bash = proc(2100, 800, "bash", "/usr/bin/bash", List.of(), null).tty(34816).loginUid(1000).uid(1000).userName("student");
        ThreadInfo cron = proc(900, 1, "cron", "/usr/sbin/cron", List.of("-f"), null);
        ThreadInfo java = proc(1500, 1, "java", "/usr/lib/jvm/java-21/bin/java", List.of("-jar", "app.jar"), null);
        proc(600, 1, "containerd", "/usr/bin/containerd", List.of(), null);
        actors.addAll(List.of(systemd, sshd, bash, cron, java));
        String[][] pods = {{"nginx", "nginx", "1.14.2", "nginx-deployment-6595874d85-x7k2p", "secured-ns"},
                {"ubuntu", "ubuntu", "latest", "ubuntu-deployment-5fccb98689-vrzg", "secured-ns"},
                {"redis", "redis", "7", "redis-0", "default"}};
        int pid = 3000;
        for (String[] p : pods) {
            String id = String.format("%016x%016x%016x%016x", rnd.nextLong(), rnd.nextLong(), rnd.nextLong(), rnd.nextLong());
            ContainerInfo c = new ContainerInfo(id.substring(0, 12), id, "containerd", p[0], p[1] + ":" + p[2],
                    p[1], p[2], "", "sha256:" + id, false, ts - 3_600_000_000_000L, List.of(), Map.of(),
                    K8sInfo.fromRuntime(p[3], "uid-" + p[0], p[4], Map.of("app", p[0])));
            ThreadInfo shim = proc(pid++, 600, "containerd-shim", "/usr/bin/containerd-shim-runc-v2", List.of(), null);
            ThreadInfo main = proc(pid++, shim.pid(), p[0], "/usr/sbin/" + p[0], List.of(), c);
            ThreadInfo sh = proc(pid++, main.pid(), "sh", "/bin/sh", List.of("-c", "sleep 3600"), c);
            actors.addAll(List.of(main, sh));
        }
    }

    private ThreadInfo proc(long pid, long ppid, String comm, String exepath, List<String> args, ContainerInfo c) {
        ThreadInfo t = table.getOrCreate(pid).pid(pid).ptid(ppid).comm(comm).exe(exepath).exepath(exepath).args(args)
                .cwd("/").uid(0).gid(0).userName("root").groupName("root").loginUid(-1).container(c)
                .cloneTs(ts - 7_200_000_000_000L);
        return t;
    }

    /** The next event of the mix. */
    public Event next() {
        ts += 1_000 + rnd.nextInt(50_000);
        ThreadInfo actor = actors.get(rnd.nextInt(actors.size()));
        int kind = rnd.nextInt(100);
        if (kind < 55) return open(actor);
        if (kind < 60) return exec(actor);
        if (kind < 70) return connect(actor);
        if (kind < 75) return socket(actor);
        String type = NOT_INDEXED[rnd.nextInt(NOT_INDEXED.length)];
        return new Event(++num, ts, EventTypes.id(type), 0, List.of(Arg.fd("fd", 3)), actor, null, 0);
    }

    public List<Event> take(int n) {
        List<Event> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(next());
        return out;
    }

    private Event open(ThreadInfo t) {
        String file = FILES[rnd.nextInt(FILES.length)];
        boolean write = file.startsWith("/tmp") || file.startsWith("/var/log");
        long flags = write ? 2 | 4 : 1; // falconet's O_WRONLY|O_CREAT or O_RDONLY bits (libsinsp numbering)
        String rendered = write ? "O_WRONLY|O_CREAT" : "O_RDONLY";
        int fdNum = 3 + rnd.nextInt(20);
        FdInfo fd = FdInfo.file(fdNum, FdType.FILE, file, file, flags);
        String type = rnd.nextInt(10) == 0 ? "open" : "openat";
        return new Event(++num, ts, EventTypes.id(type), fdNum,
                List.of(Arg.fd("fd", fdNum), Arg.fd("dirfd", -100), Arg.path("name", file), Arg.flags("flags", flags, rendered),
                        Arg.num("mode", 0), Arg.num("dev", 0x803), Arg.num("ino", 1000 + rnd.nextInt(1000))),
                t, fd, 0);
    }

    private Event exec(ThreadInfo parent) {
        String tool = TOOLS[rnd.nextInt(TOOLS.length)];
        long pid = 10_000 + num;
        ThreadInfo child = table.getOrCreate(pid).copyProcessStateFrom(parent).pid(pid).ptid(parent.pid())
                .comm(tool).exe(tool).exepath("/usr/bin/" + tool).args(List.of("-l")).cloneTs(ts);
        Event e = new Event(++num, ts, EventTypes.id("execve"), 0,
                List.of(Arg.num("res", 0), Arg.path("exe", tool), Arg.text("args", "-l"), Arg.num("tid", pid), Arg.num("pid", pid),
                        Arg.num("ptid", parent.pid()), Arg.path("cwd", "/"), Arg.flags("flags", 0, "0")),
                child, null, 0);
        if (table.size() > 4000) table.remove(pid - 3000);
        return e;
    }

    private Event connect(ThreadInfo t) {
        boolean local = rnd.nextBoolean();
        String sip = local ? "127.0.0.1" : "10.96.0." + (1 + rnd.nextInt(20));
        int sport = local ? 6379 : 443;
        int cport = 30_000 + rnd.nextInt(30_000);
        FdInfo fd = FdInfo.inet(5, FdType.IPV4, "tcp", "172.17.0.5", cport, sip, sport, FdInfo.SocketRole.CLIENT, true);
        return new Event(++num, ts, EventTypes.id("connect"), 0,
                List.of(Arg.num("res", 0), new Arg("tuple", ArgType.SOCKADDR, null, fd.name()), Arg.fd("fd", 5)), t, fd, 0);
    }

    private Event socket(ThreadInfo t) {
        boolean unix = rnd.nextBoolean();
        FdInfo fd = unix ? FdInfo.file(6, FdType.UNIX, "", "", 0)
                : new FdInfo(6, FdType.IPV4, "", "", 0, "tcp", null, -1, null, -1, FdInfo.SocketRole.NONE, false, false, 0, 0);
        return new Event(++num, ts, EventTypes.id("socket"), 6,
                List.of(Arg.fd("fd", 6), Arg.flags("domain", unix ? 1 : 2, unix ? "AF_UNIX" : "AF_INET"), Arg.num("type", 1), Arg.num("proto", 0)),
                t, fd, 0);
    }
}
