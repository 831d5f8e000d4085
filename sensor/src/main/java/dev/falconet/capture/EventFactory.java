package dev.falconet.capture;

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
import dev.falconet.fields.Capabilities;
import dev.falconet.fields.OpenFlags;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes realistic events for tests, benchmarks and fixtures: process trees with the state the
 * live sensor would see (a host login shell under sshd, a container under its runtime's shim),
 * and syscall events with libsinsp's parameters, in libsinsp's order, rendered as libsinsp renders them.
 *
 * <pre>{@code
 * EventFactory f = new EventFactory();
 * EventFactory.HostShell login = f.hostShell("alice", 1000);
 * Event exec = f.execve(login.bash(), "/usr/bin/cat", "/etc/shadow");   // bash forks and execs cat
 * Event open = f.openat(exec.thread(), "/etc/shadow", OpenFlags.O_RDONLY);
 *
 * ContainerInfo web = f.container("web", "docker.io/library/nginx:1.27").privileged(true).build();
 * EventFactory.ContainerShell c = f.containerShell(web);
 * Event tcpdump = f.execve(c.init(), "/usr/bin/tcpdump", "-i", "eth0");
 * Event sock = f.socket(tcpdump.thread(), SyscallArgs.AF_PACKET, SyscallArgs.SOCK_RAW, 768);
 * }</pre>
 *
 * <p>Every event gets the next number (from 1) and a timestamp 1 ms after the previous one,
 * starting at {@link #START_TS}. Thread objects are shared and updated in place, as in the sensor:
 * record or evaluate each event before making the next.
 */
public final class EventFactory {
    /** 2026-01-15T10:00:00Z, the default start time. */
    public static final long START_TS = Instant.parse("2026-01-15T10:00:00Z").getEpochSecond() * 1_000_000_000L;
    /** Terminal device number of /dev/pts/0 (major 136). */
    public static final long PTS0 = 136L << 8;
    private static final String HOST_IP = "192.168.56.10";
    private static final String CONTAINER_IP_PREFIX = "10.88.0.";

    private final ThreadTable threads = new ThreadTable();
    private final Map<Long, Map<Long, FdInfo>> fdTables = new HashMap<>();
    private final Map<ThreadInfo, String> ips = new HashMap<>();
    private long ts;
    private long stepNs = 1_000_000L;
    private long num;
    private long nextPid = 1000;
    private long nextInode = 100_000;
    private int nextPort = 40_000;
    private int nextContainerIp = 2;
    private int cpu;
    private ThreadInfo systemd;

    public EventFactory() {
        this(START_TS);
    }

    public EventFactory(long startTs) {
        this.ts = startTs;
    }

    public ThreadTable threads() {
        return threads;
    }

    /** The timestamp the next event gets. */
    public long now() {
        return ts;
    }

    /** Moves the clock forward (time passing between events). */
    public EventFactory advance(Duration d) {
        ts += d.toNanos();
        return this;
    }

    /** Sets the time between consecutive events (default 1 ms). */
    public EventFactory step(Duration d) {
        stepNs = d.toNanos();
        return this;
    }

    // ---------------------------------------------------------------- process trees

    /** A login shell on the host: systemd → sshd → sshd (the session) → bash, on /dev/pts/0. */
    public record HostShell(ThreadInfo systemd, ThreadInfo sshd, ThreadInfo session, ThreadInfo bash) {}

    /** A container's processes: the runtime's shim on the host and the container's first process (vpid 1). */
    public record ContainerShell(ContainerInfo container, ThreadInfo shim, ThreadInfo init) {}

    /** The host's init, pid 1, root with every capability. */
    public ThreadInfo systemd() {
        if (systemd == null) {
            systemd = threads.getOrCreate(1).pid(1).ptid(0).vtid(1).vpid(1).sid(1).vpgid(1)
                    .comm("systemd").exe("/sbin/init").exepath("/usr/lib/systemd/systemd").args(List.of("--system", "--deserialize", "31"))
                    .env(List.of("HOME=/", "TERM=linux")).cwd("/").uid(0).gid(0).loginUid(-1).userName("root").groupName("root")
                    .capEffective(Capabilities.ALL).capPermitted(Capabilities.ALL).exeIno(nextInode++)
                    .cloneTs(ts - Duration.ofDays(3).toNanos());
        }
        return systemd;
    }

    /**
     * A login session over ssh: sshd (root, no login uid), its per-session child, and the user's
     * bash with the login uid set and a terminal, in its own session and process group.
     */
    public HostShell hostShell(String user, long uid) {
        ThreadInfo init = systemd();
        ThreadInfo sshd = spawn(init, "/usr/sbin/sshd", "-D");
        sshd.exe("sshd").args(List.of("-D")).cloneTs(ts - Duration.ofDays(2).toNanos());
        ThreadInfo session = spawn(sshd, "/usr/sbin/sshd", "-D", "-R");
        session.args(List.of()).exe("sshd: " + user + "@pts/0").loginUid(uid).loginName(user);
        ThreadInfo bash = spawn(session, "/usr/bin/bash");
        bash.exe("-bash").args(List.of()).uid(uid).gid(uid).userName(user).groupName(user).tty(PTS0)
                .cwd(uid == 0 ? "/root" : "/home/" + user)
                .env(List.of("HOME=" + (uid == 0 ? "/root" : "/home/" + user), "USER=" + user, "SHELL=/bin/bash",
                        "TERM=xterm-256color", "PATH=/usr/local/bin:/usr/bin:/bin"));
        if (uid != 0) bash.capEffective(0).capPermitted(0);
        bash.sid(bash.pid()).vpgid(bash.pid());
        return new HostShell(init, sshd, session, bash);
    }

    /** Starts describing a container; {@code image} is {@code repository[:tag]}. */
    public ContainerBuilder container(String name, String image) {
        return new ContainerBuilder(name, image);
    }

    /**
     * A running container: the runtime's shim on the host (child of systemd) and the container's
     * first process ({@code /bin/sh}, vpid 1, root inside the container with the default capability set).
     */
    public ContainerShell containerShell(ContainerInfo c) {
        boolean podman = "podman".equals(c.type());
        ThreadInfo shim = podman ? spawn(systemd(), "/usr/bin/conmon", "--api-version", "1", "-c", c.fullId())
                : spawn(systemd(), "/usr/bin/containerd-shim-runc-v2", "-namespace", "k8s.io", "-id", c.fullId(), "-address",
                "/run/containerd/containerd.sock");
        ThreadInfo init = spawn(shim, "/bin/sh");
        long initCaps = Boolean.TRUE.equals(c.privileged()) ? Capabilities.ALL : Capabilities.CONTAINER_DEFAULT;
        init.exe("/bin/sh").args(List.of()).container(c).vpid(1).vtid(1).sid(1).vpgid(1).uid(0).gid(0)
                .userName("root").groupName("root").loginUid(-1).loginName(null).tty(0).cwd("/")
                .env(List.of("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "HOSTNAME=" + c.id()))
                .capEffective(initCaps).capPermitted(initCaps).exeLowerLayer(true);
        ips.put(init, CONTAINER_IP_PREFIX + nextContainerIp++);
        return new ContainerShell(c, shim, init);
    }

    /**
     * A child of {@code parent} that is already running {@code exepath} (fork and exec happened
     * before the capture; no event). It inherits the parent's user, terminal, directory,
     * environment, container and capabilities.
     */
    public ThreadInfo spawn(ThreadInfo parent, String exepath, String... args) {
        ThreadInfo p = parent.mainThread();
        long pid = nextPid++;
        ThreadInfo child = threads.getOrCreate(pid).copyProcessStateFrom(p).pid(pid).ptid(p.pid());
        child.cloneTs(ts - Duration.ofSeconds(10).toNanos());
        if (p.container() != null && p.vpid() > 0) {
            long vpid = nextVpid(p.container());
            child.vpid(vpid).vtid(vpid);
        } else {
            child.vpid(pid).vtid(pid);
        }
        execState(child, exepath, List.of(args));
        if (ips.containsKey(p)) ips.put(child, ips.get(p));
        return child;
    }

    private long nextVpid(ContainerInfo c) {
        long max = 1;
        for (ThreadInfo t : threads.all()) if (t.container() == c && t.vpid() > max) max = t.vpid();
        return max + 1;
    }

    private void execState(ThreadInfo t, String exepath, List<String> args) {
        String base = exepath.substring(exepath.lastIndexOf('/') + 1);
        t.comm(base.length() > 15 ? base.substring(0, 15) : base).exe(base).exepath(exepath).args(args)
                .exeIno(nextInode++).exeInoCtime(ts - Duration.ofDays(30).toNanos()).exeInoMtime(ts - Duration.ofDays(30).toNanos())
                .exeUpperLayer(false).exeLowerLayer(t.container() != null).exeFromMemfd(false).exeWritable(false);
    }

    /** Describes a container; {@link #build()} makes the {@link ContainerInfo}. */
    public final class ContainerBuilder {
        private final String name;
        private final String image;
        private String type = "podman";
        private Boolean privileged = false;
        private final List<ContainerInfo.Mount> mounts = new ArrayList<>();
        private final Map<String, String> labels = new HashMap<>();
        private K8sInfo k8s;

        private ContainerBuilder(String name, String image) {
            this.name = name;
            this.image = image;
        }

        /** docker, podman (default), containerd, cri-o. */
        public ContainerBuilder type(String runtime) {
            this.type = runtime;
            return this;
        }

        public ContainerBuilder privileged(boolean p) {
            this.privileged = p;
            return this;
        }

        /** A bind mount from the host. */
        public ContainerBuilder mount(String source, String dest, boolean readWrite) {
            mounts.add(new ContainerInfo.Mount(source, dest, readWrite ? "" : "ro", readWrite, "rprivate"));
            return this;
        }

        public ContainerBuilder label(String key, String value) {
            labels.put(key, value);
            return this;
        }

        /** Puts the container in a pod: namespace, pod name and labels (what both the runtime and k8smeta report). */
        public ContainerBuilder pod(String namespace, String pod, Map<String, String> podLabels) {
            String uid = uuid(namespace + "/" + pod);
            labels.put("io.kubernetes.pod.name", pod);
            labels.put("io.kubernetes.pod.namespace", namespace);
            labels.put("io.kubernetes.pod.uid", uid);
            labels.put("io.kubernetes.sandbox.id", hexId("sandbox/" + namespace + "/" + pod, 64));
            k8s = new K8sInfo(pod, uid, namespace, podLabels, CONTAINER_IP_PREFIX + 200, uuid("ns/" + namespace),
                    Map.of("kubernetes.io/metadata.name", namespace), null, null, null, null, null, null, null, "lab-node");
            type = "containerd";
            return this;
        }

        /** Full k8s metadata, replacing what {@link #pod} set. */
        public ContainerBuilder k8s(K8sInfo info) {
            this.k8s = info;
            return this;
        }

        public ContainerInfo build() {
            String full = hexId("container/" + name, 64);
            int colon = image.lastIndexOf(':');
            boolean tagged = colon > image.lastIndexOf('/');
            String repo = tagged ? image.substring(0, colon) : image;
            String tag = tagged ? image.substring(colon + 1) : "latest";
            return new ContainerInfo(full.substring(0, 12), full, type, name, image, repo, tag, "",
                    hexId("image/" + image, 64), privileged, ts - Duration.ofMinutes(5).toNanos(), mounts, labels, k8s);
        }
    }

    /** A deterministic hex id derived from a seed (so fixtures are stable). */
    static String hexId(String seed, int length) {
        StringBuilder sb = new StringBuilder(length);
        long h = 1125899906842597L;
        for (int i = 0; sb.length() < length; i++) {
            for (char c : (seed + "#" + i).toCharArray()) h = 31 * h + c;
            h ^= (h >>> 29);
            h *= 0xbf58476d1ce4e5b9L;
            sb.append(String.format("%016x", h));
        }
        return sb.substring(0, length);
    }

    private static String uuid(String seed) {
        String h = hexId(seed, 32);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20) + "-" + h.substring(20);
    }

    // ---------------------------------------------------------------- events

    /** Describes an execve: {@code parent} forks a child that execs the program. {@link #run()} makes the event. */
    public final class Exec {
        private final ThreadInfo parent;
        private final String exepath;
        private final List<String> args;
        private String argv0;
        private Long uid;
        private String user;
        private final List<String> env = new ArrayList<>();
        private long exeFlags;
        private long res;
        private boolean inPlace;

        private Exec(ThreadInfo parent, String exepath, List<String> args) {
            this.parent = parent;
            this.exepath = exepath;
            this.args = args;
        }

        /** argv[0] when it is not the program's base name (e.g. a full path typed by the user). */
        public Exec argv0(String value) {
            this.argv0 = value;
            return this;
        }

        /** Runs as another user (after su/sudo, or a setuid binary). */
        public Exec as(long newUid, String userName) {
            this.uid = newUid;
            this.user = userName;
            return this;
        }

        /** Adds environment variables (NAME=value) to the inherited ones. */
        public Exec env(String... vars) {
            env.addAll(Arrays.asList(vars));
            return this;
        }

        /** The executable was written after the container started (overlayfs upper layer). */
        public Exec upperLayer() {
            exeFlags |= OpenFlags.EXE_UPPER_LAYER;
            exeFlags &= ~OpenFlags.EXE_LOWER_LAYER;
            return this;
        }

        /** The executable is an in-memory file (memfd_create) run through /proc/self/fd/N. */
        public Exec fromMemfd() {
            exeFlags |= OpenFlags.EXE_FROM_MEMFD;
            return this;
        }

        /** The executable is writable by the user running it. */
        public Exec writable() {
            exeFlags |= OpenFlags.EXE_WRITABLE;
            return this;
        }

        /** The exec fails with this errno (e.g. 2 for ENOENT); the process keeps its old program. */
        public Exec fails(int errno) {
            this.res = -errno;
            return this;
        }

        /** The calling process replaces its own program (exec without fork, like {@code exec cmd} in a shell). */
        public Exec inPlace() {
            this.inPlace = true;
            return this;
        }

        public Event run() {
            ThreadInfo t;
            if (inPlace) {
                t = parent.mainThread();
            } else {
                t = spawn(parent, parent.exepath(), parent.args().toArray(String[]::new));
                t.comm(parent.mainThread().comm()).exe(parent.mainThread().exe()).cloneTs(ts);
                t.sid(parent.mainThread().sid()).vpgid(t.vpid());
            }
            if (res == 0) {
                execState(t, exepath, args);
                if (argv0 != null) t.exe(argv0);
                if (uid != null) t.uid(uid).gid(uid).userName(user).groupName(user);
                if (!env.isEmpty()) {
                    List<String> merged = new ArrayList<>(t.env());
                    merged.addAll(env);
                    t.env(merged);
                }
                if (t.container() == null) exeFlags &= ~OpenFlags.EXE_LOWER_LAYER;
                else if ((exeFlags & OpenFlags.EXE_UPPER_LAYER) == 0) exeFlags |= OpenFlags.EXE_LOWER_LAYER;
                t.exeUpperLayer((exeFlags & OpenFlags.EXE_UPPER_LAYER) != 0).exeLowerLayer((exeFlags & OpenFlags.EXE_LOWER_LAYER) != 0)
                        .exeFromMemfd((exeFlags & OpenFlags.EXE_FROM_MEMFD) != 0).exeWritable((exeFlags & OpenFlags.EXE_WRITABLE) != 0);
                if ((exeFlags & OpenFlags.EXE_UPPER_LAYER) != 0) t.exeInoCtime(ts - Duration.ofSeconds(2).toNanos());
            }
            List<Arg> a = new ArrayList<>();
            a.add(SyscallArgs.res(res));
            a.add(Arg.text("exe", t.exe()));
            a.add(Arg.bytes("args", nulJoined(t.args())));
            a.add(Arg.num("tid", t.tid()));
            a.add(Arg.num("pid", t.pid()));
            a.add(Arg.num("ptid", t.ptid()));
            a.add(Arg.path("cwd", t.cwd()));
            a.add(Arg.num("fdlimit", 1024));
            a.add(Arg.text("comm", t.comm()));
            a.add(Arg.bytes("env", nulJoined(t.env())));
            a.add(Arg.num("tty", t.tty()));
            a.add(Arg.num("vpgid", t.vpgid()));
            a.add(Arg.num("loginuid", t.loginUid()));
            a.add(Arg.flags("flags", exeFlags, OpenFlags.renderExe(exeFlags).isEmpty() ? "0" : OpenFlags.renderExe(exeFlags)));
            a.add(caps("cap_inheritable", t.capInheritable()));
            a.add(caps("cap_permitted", t.capPermitted()));
            a.add(caps("cap_effective", t.capEffective()));
            a.add(Arg.num("exe_ino", t.exeIno()));
            a.add(Arg.num("exe_ino_ctime", t.exeInoCtime()));
            a.add(Arg.num("exe_ino_mtime", t.exeInoMtime()));
            a.add(Arg.num("uid", t.uid()));
            a.add(Arg.path("trusted_exepath", t.exepath()));
            a.add(Arg.num("pgid", t.vpgid()));
            a.add(Arg.num("gid", t.gid()));
            return emit(t, "execve", res, null, a);
        }
    }

    private static Arg caps(String name, long set) {
        return Arg.flags(name, set, set == 0 ? "0" : Capabilities.render(set));
    }

    private static byte[] nulJoined(List<String> parts) {
        StringBuilder sb = new StringBuilder();
        for (String p : parts) sb.append(p).append('\0');
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Starts describing an execve of {@code exepath} by a new child of {@code parent}. */
    public Exec exec(ThreadInfo parent, String exepath, String... args) {
        return new Exec(parent, exepath, List.of(args));
    }

    /** {@code parent} forks a child that execs {@code exepath} with these arguments; the event's thread is the child. */
    public Event execve(ThreadInfo parent, String exepath, String... args) {
        return exec(parent, exepath, args).run();
    }

    /** open(2): opens a path (relative paths resolve against the cwd). {@code flags} use {@link OpenFlags}. */
    public Event open(ThreadInfo t, String path, long flags) {
        return openLike(t, "open", path, flags, flags(flags) ? 0644 : 0, 0);
    }

    /** openat(2) relative to the current directory (AT_FDCWD). */
    public Event openat(ThreadInfo t, String path, long flags) {
        return openLike(t, "openat", path, flags, flags(flags) ? 0644 : 0, 0);
    }

    /** openat(2) with an explicit creation mode (e.g. 0755). */
    public Event openat(ThreadInfo t, String path, long flags, long mode) {
        return openLike(t, "openat", path, flags, mode, 0);
    }

    /** openat(2) that fails with this errno (13 = EACCES, 2 = ENOENT ...). */
    public Event openatFailing(ThreadInfo t, String path, long flags, int errno) {
        return openLike(t, "openat", path, flags, 0, -errno);
    }

    /** openat2(2). */
    public Event openat2(ThreadInfo t, String path, long flags) {
        return openLike(t, "openat2", path, flags, flags(flags) ? 0644 : 0, 0);
    }

    /** creat(2): create (or truncate) a file for writing. */
    public Event creat(ThreadInfo t, String path, long mode) {
        return openLike(t, "creat", path, OpenFlags.O_CREAT | OpenFlags.O_WRONLY | OpenFlags.O_TRUNC, mode, 0);
    }

    private static boolean flags(long flags) {
        return (flags & OpenFlags.O_CREAT) != 0;
    }

    private Event openLike(ThreadInfo t, String type, String path, long flags, long mode, long errno) {
        String abs = absolute(t, path);
        long fdNum = errno < 0 ? errno : nextFd(t);
        boolean dir = (flags & OpenFlags.O_DIRECTORY) != 0;
        long reported = flags | (errno == 0 && (flags & OpenFlags.O_CREAT) != 0 ? OpenFlags.O_F_CREATED : 0);
        FdInfo fd = FdInfo.file(fdNum, dir ? FdType.DIRECTORY : FdType.FILE, abs, path, reported)
                .withInode(errno < 0 ? 0 : 0x803, errno < 0 ? 0 : nextInode++);
        if (errno == 0) fdTable(t).put(fdNum, fd);
        List<Arg> a = new ArrayList<>();
        a.add(SyscallArgs.fd("fd", fdNum, errno < 0 ? null : fd));
        if (!type.equals("open") && !type.equals("creat")) a.add(SyscallArgs.dirfd("dirfd", SyscallArgs.AT_FDCWD));
        a.add(new Arg("name", ArgType.FSPATH, path, abs));
        if (!type.equals("creat")) a.add(SyscallArgs.openFlags(reported));
        a.add(SyscallArgs.mode(mode));
        if (type.equals("openat2")) a.add(Arg.flags("resolve", 0, "0"));
        a.add(Arg.num("dev", fd.dev()));
        a.add(Arg.num("ino", fd.ino()));
        return emit(t, type, fdNum, fd, a);
    }

    /** socket(2); the new fd is returned in the event (and remembered for connect/dup2). */
    public Event socket(ThreadInfo t, long domain, long type, long proto) {
        long fdNum = nextFd(t);
        FdInfo fd;
        if (domain == SyscallArgs.AF_INET || domain == SyscallArgs.AF_INET6) {
            FdType ft = domain == SyscallArgs.AF_INET ? FdType.IPV4 : FdType.IPV6;
            String l4 = type == SyscallArgs.SOCK_STREAM ? "tcp" : type == SyscallArgs.SOCK_DGRAM ? "udp" : "raw";
            fd = new FdInfo(fdNum, ft, "", "", 0, l4, null, -1, null, -1, FdInfo.SocketRole.NONE, false, false, 0, 0);
        } else if (domain == SyscallArgs.AF_UNIX) {
            fd = FdInfo.file(fdNum, FdType.UNIX, "", "", 0);
        } else if (domain == SyscallArgs.AF_NETLINK) {
            fd = FdInfo.file(fdNum, FdType.NETLINK, "", "", 0);
        } else {
            fd = FdInfo.file(fdNum, FdType.UNKNOWN, "", "", 0);
        }
        fdTable(t).put(fdNum, fd);
        List<Arg> a = List.of(SyscallArgs.fd("fd", fdNum, fd), SyscallArgs.domain(domain), Arg.num("type", type), Arg.num("proto", proto));
        return emit(t, "socket", fdNum, fd, a);
    }

    /** connect(2) of a new TCP socket (made without a socket event) to a server. */
    public Event connect(ThreadInfo t, String serverIp, int serverPort) {
        long fdNum = nextFd(t);
        FdType ft = serverIp.contains(":") ? FdType.IPV6 : FdType.IPV4;
        FdInfo fd = new FdInfo(fdNum, ft, "", "", 0, "tcp", null, -1, null, -1, FdInfo.SocketRole.NONE, false, false, 0, 0);
        fdTable(t).put(fdNum, fd);
        return connect(t, fdNum, serverIp, serverPort);
    }

    /** connect(2) of an existing socket fd (from {@link #socket}). */
    public Event connect(ThreadInfo t, long fdNum, String serverIp, int serverPort) {
        FdInfo old = fd(t, fdNum);
        String l4 = old == null || old.l4proto() == null ? "tcp" : old.l4proto();
        FdType ft = serverIp.contains(":") ? FdType.IPV6 : FdType.IPV4;
        String cip = ft == FdType.IPV6 ? "::1" : ips.getOrDefault(t.mainThread(), HOST_IP);
        int cport = nextPort++;
        FdInfo fd = FdInfo.inet(fdNum, ft, l4, cip, cport, serverIp, serverPort, FdInfo.SocketRole.CLIENT, true);
        fdTable(t).put(fdNum, fd);
        List<Arg> a = List.of(SyscallArgs.res(0), SyscallArgs.sockaddr("tuple", fd.name()), SyscallArgs.fd("fd", fdNum, fd),
                SyscallArgs.sockaddr("addr", serverIp + ":" + serverPort));
        return emit(t, "connect", 0, fd, a);
    }

    /**
     * sendto(2) of {@code data} on an unconnected UDP socket (from {@link #socket}) to a server: the
     * fd gets its tuple from this call, so {@code fd.name_changed} is true and {@code fd.connected} false.
     */
    public Event sendto(ThreadInfo t, long fdNum, String serverIp, int serverPort, byte[] data) {
        FdType ft = serverIp.contains(":") ? FdType.IPV6 : FdType.IPV4;
        String cip = ft == FdType.IPV6 ? "::1" : ips.getOrDefault(t.mainThread(), HOST_IP);
        FdInfo fd = FdInfo.inet(fdNum, ft, "udp", cip, nextPort++, serverIp, serverPort, FdInfo.SocketRole.CLIENT, false)
                .withNameChanged(true);
        fdTable(t).put(fdNum, fd.withNameChanged(false));
        List<Arg> a = List.of(SyscallArgs.res(data.length), Arg.bytes("data", data), SyscallArgs.fd("fd", fdNum, fd),
                Arg.num("size", data.length), SyscallArgs.sockaddr("tuple", fd.name()));
        return emit(t, "sendto", data.length, fd, a);
    }

    /** recvfrom(2) of {@code data} on a connected socket fd ({@code evt.buffer} holds the data). */
    public Event recvfrom(ThreadInfo t, long fdNum, byte[] data) {
        FdInfo fd = fd(t, fdNum);
        if (fd == null) throw new IllegalArgumentException("process " + t.pid() + " has no fd " + fdNum);
        List<Arg> a = List.of(SyscallArgs.res(data.length), Arg.bytes("data", data), SyscallArgs.fd("fd", fdNum, fd),
                Arg.num("size", data.length), SyscallArgs.sockaddr("tuple", fd.name()));
        return emit(t, "recvfrom", data.length, fd, a);
    }

    /** accept4(2) on a server listening on {@code localIp:port}: a new connected fd with this process as the server. */
    public Event accept(ThreadInfo t, String localIp, int port, String clientIp, int clientPort) {
        long fdNum = nextFd(t);
        FdType ft = localIp.contains(":") ? FdType.IPV6 : FdType.IPV4;
        FdInfo fd = FdInfo.inet(fdNum, ft, "tcp", clientIp, clientPort, localIp, port, FdInfo.SocketRole.SERVER, true);
        fdTable(t).put(fdNum, fd);
        List<Arg> a = List.of(SyscallArgs.fd("fd", fdNum, fd), SyscallArgs.sockaddr("tuple", fd.name()), Arg.num("queuepct", 0),
                Arg.num("queuelen", 0), Arg.num("queuemax", 128), Arg.flags("flags", 0, "0"));
        return emit(t, "accept4", fdNum, fd, a);
    }

    /** symlink(2): creates {@code linkpath} pointing to {@code target}. */
    public Event symlink(ThreadInfo t, String target, String linkpath) {
        List<Arg> a = List.of(SyscallArgs.res(0), Arg.text("target", target), new Arg("linkpath", ArgType.FSPATH, linkpath, absolute(t, linkpath)));
        return emit(t, "symlink", 0, null, a);
    }

    /** symlinkat(2) relative to the current directory. */
    public Event symlinkat(ThreadInfo t, String target, String linkpath) {
        List<Arg> a = List.of(SyscallArgs.res(0), Arg.text("target", target), SyscallArgs.dirfd("linkdirfd", SyscallArgs.AT_FDCWD),
                new Arg("linkpath", ArgType.FSPATH, linkpath, absolute(t, linkpath)));
        return emit(t, "symlinkat", 0, null, a);
    }

    /** link(2): a hard link {@code newpath} to {@code oldpath}. */
    public Event link(ThreadInfo t, String oldpath, String newpath) {
        List<Arg> a = List.of(SyscallArgs.res(0), Arg.path("oldpath", absolute(t, oldpath)), Arg.path("newpath", absolute(t, newpath)));
        return emit(t, "link", 0, null, a);
    }

    /** linkat(2) relative to the current directory. */
    public Event linkat(ThreadInfo t, String oldpath, String newpath) {
        List<Arg> a = List.of(SyscallArgs.res(0), SyscallArgs.dirfd("olddir", SyscallArgs.AT_FDCWD), Arg.path("oldpath", absolute(t, oldpath)),
                SyscallArgs.dirfd("newdir", SyscallArgs.AT_FDCWD), Arg.path("newpath", absolute(t, newpath)), Arg.flags("flags", 0, "0"));
        return emit(t, "linkat", 0, null, a);
    }

    /** unlinkat(2) relative to the current directory. */
    public Event unlinkat(ThreadInfo t, String path) {
        List<Arg> a = List.of(SyscallArgs.res(0), SyscallArgs.dirfd("dirfd", SyscallArgs.AT_FDCWD),
                new Arg("name", ArgType.FSPATH, path, absolute(t, path)), Arg.flags("flags", 0, "0"));
        return emit(t, "unlinkat", 0, null, a);
    }

    /** dup(2): a copy of {@code oldfd} on the lowest free number. */
    public Event dup(ThreadInfo t, long oldfd) {
        long newfd = nextFd(t);
        FdInfo fd = copyFd(t, oldfd, newfd);
        return emit(t, "dup", newfd, fd, List.of(SyscallArgs.fd("res", newfd, fd), SyscallArgs.fd("oldfd", oldfd, fd)));
    }

    /** dup2(2): {@code newfd} (e.g. 0, 1, 2 for a reverse shell) becomes a copy of {@code oldfd}. */
    public Event dup2(ThreadInfo t, long oldfd, long newfd) {
        FdInfo fd = copyFd(t, oldfd, newfd);
        return emit(t, "dup2", newfd, fd, List.of(SyscallArgs.fd("res", newfd, fd), SyscallArgs.fd("oldfd", oldfd, fd),
                SyscallArgs.fd("newfd", newfd, fd)));
    }

    /** dup3(2) with flags 0. */
    public Event dup3(ThreadInfo t, long oldfd, long newfd) {
        FdInfo fd = copyFd(t, oldfd, newfd);
        return emit(t, "dup3", newfd, fd, List.of(SyscallArgs.fd("res", newfd, fd), SyscallArgs.fd("oldfd", oldfd, fd),
                SyscallArgs.fd("newfd", newfd, fd), Arg.flags("flags", 0, "0")));
    }

    /** ptrace(2) with a request in libscap's numbering ({@link SyscallArgs#PTRACE_ATTACH} ...) on a target pid. */
    public Event ptrace(ThreadInfo t, long request, long pid) {
        List<Arg> a = List.of(SyscallArgs.res(0), Arg.num("addr", 0), Arg.num("data", 0), SyscallArgs.ptrace(request), Arg.num("pid", pid));
        return emit(t, "ptrace", 0, null, a);
    }

    /** Any other event: its type name, return value, fd (or null) and parameters in libsinsp's order. */
    public Event event(ThreadInfo t, String type, long res, FdInfo fd, Arg... args) {
        if (EventTypes.id(type) < 0) throw new IllegalArgumentException("unknown event type " + type);
        return emit(t, type, res, fd, List.of(args));
    }

    /** The fd {@code num} of the thread's process, or null. */
    public FdInfo fd(ThreadInfo t, long fdNum) {
        return fdTable(t).get(fdNum);
    }

    private FdInfo copyFd(ThreadInfo t, long oldfd, long newfd) {
        FdInfo old = fd(t, oldfd);
        if (old == null) throw new IllegalArgumentException("process " + t.pid() + " has no fd " + oldfd);
        FdInfo copy = old.withNum(newfd);
        fdTable(t).put(newfd, copy);
        return copy;
    }

    private Map<Long, FdInfo> fdTable(ThreadInfo t) {
        return fdTables.computeIfAbsent(t.pid(), p -> new HashMap<>());
    }

    private long nextFd(ThreadInfo t) {
        Map<Long, FdInfo> table = fdTable(t);
        long n = 3;
        while (table.containsKey(n)) n++;
        return n;
    }

    /**
     * The path libsinsp reports as {@code fd.name}: made absolute against the cwd, then "." and ".."
     * resolved lexically (no symlinks followed), so {@code /app/static/../../etc/passwd} is
     * {@code /etc/passwd} while {@code fd.nameraw} keeps what the process passed.
     */
    private static String absolute(ThreadInfo t, String path) {
        String cwd = t.cwd().isEmpty() ? "/" : t.cwd();
        String joined = path.startsWith("/") ? path : cwd + "/" + path;
        java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
        for (String part : joined.split("/")) {
            if (part.isEmpty() || part.equals(".")) continue;
            if (part.equals("..")) parts.pollLast();
            else parts.addLast(part);
        }
        return "/" + String.join("/", parts);
    }

    private Event emit(ThreadInfo t, String type, long res, FdInfo fd, List<Arg> args) {
        Event e = new Event(++num, ts, EventTypes.id(type), res, args, t, fd, cpu);
        ts += stepNs;
        cpu = (cpu + 1) % 4;
        return e;
    }
}
