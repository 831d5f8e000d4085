package dev.falconet.sensor.state;

import dev.falconet.capture.EventFactory;
import dev.falconet.capture.SyscallArgs;
import dev.falconet.event.Event;
import dev.falconet.event.ThreadInfo;
import dev.falconet.fields.OpenFlags;
import dev.falconet.event.EventTypes;
import dev.falconet.event.FdType;
import dev.falconet.sensor.decode.RecordBytes;
import dev.falconet.sensor.decode.RecordDecoder;
import dev.falconet.sensor.decode.RecordLayout;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The state stage over a fake /proc: bootstrap, fork, exec, opens, dup, close, chdir, exit. */
class StateStageTest {
    private static final String CID = "c0ffee".repeat(10) + "abcd";

    @TempDir
    Path tmp;
    private StateStage state;
    private final List<Event> events = new ArrayList<>();
    private final RecordDecoder decoder = new RecordDecoder();

    @BeforeEach
    void setUp() throws IOException {
        Path proc = tmp.resolve("proc");
        Path root = tmp.resolve("root");
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/bash\nalice:x:1000:1000::/home/alice:/bin/sh\n");
        Files.writeString(root.resolve("etc/group"), "root:x:0:\nalice:x:1000:\n");
        // pid 1 (init) and pid 100 (bash, child of 1, cwd /home/alice, fd 0 = /dev/pts/0)
        fakeProcess(proc, root, 1, 0, "systemd", "/usr/lib/systemd/systemd", "/", "0::/\n");
        fakeProcess(proc, root, 100, 1, "bash", "/usr/bin/bash", "/home/alice", "0::/\n");
        Files.createSymbolicLink(proc.resolve("100/fd/0"), Path.of("/dev/pts/0"));
        state = new StateStage(new ProcScanner(proc, 1_000_000_000L), new UserDirectory(proc),
                new ContainerRegistry(null, null), 1_000_000_000L, false);
        state.bootstrap();
    }

    private static void fakeProcess(Path proc, Path root, long pid, long ppid, String comm, String exe, String cwd, String cgroup)
            throws IOException {
        Path d = proc.resolve(Long.toString(pid));
        Files.createDirectories(d.resolve("task").resolve(Long.toString(pid)));
        Files.createDirectories(d.resolve("fd"));
        Files.writeString(d.resolve("stat"), pid + " (" + comm + ") S " + ppid + " " + pid + " " + pid + " 34816 0 0 0 0 0 0 0 0 0 20 0 1 0 500 0 0");
        Files.writeString(d.resolve("status"), "Name:\t" + comm + "\nUid:\t1000\t1000\t1000\t1000\nGid:\t1000\t1000\t1000\t1000\nCapEff:\t0000000000000000\n");
        Files.write(d.resolve("cmdline"), (comm + "\0-l\0").getBytes(StandardCharsets.UTF_8));
        Files.writeString(d.resolve("loginuid"), "1000");
        Files.writeString(d.resolve("cgroup"), cgroup);
        Files.createSymbolicLink(d.resolve("exe"), Path.of(exe));
        Files.createSymbolicLink(d.resolve("cwd"), Path.of(cwd));
        Files.createSymbolicLink(d.resolve("root"), root);
    }

    /** Our own links point outside the temp dir on purpose; remove them before JUnit's cleanup warns about each. */
    @org.junit.jupiter.api.AfterEach
    void removeLinks() throws IOException {
        try (var walk = Files.walk(tmp)) {
            for (Path p : walk.filter(Files::isSymbolicLink).toList()) Files.delete(p);
        }
    }

    private void feed(byte[] record) {
        state.accept(decoder.decode(MemorySegment.ofArray(record)), events::add);
    }

    private Event last() {
        return events.get(events.size() - 1);
    }

    /** What the live sensor makes of an open, a close and a ptrace is what the event factory (fixtures) makes. */
    @Test
    void fdAndPtraceArgumentsRenderAsTheEventFactoryDoes() {
        EventFactory f = new EventFactory();
        ThreadInfo cat = f.spawn(f.hostShell("alice", 1000).bash(), "/usr/bin/cat", "/home/alice/notes.txt");
        Event factoryOpen = f.openat(cat, "/home/alice/notes.txt", OpenFlags.O_RDONLY);
        feed(RecordBytes.syscall(EventTypes.id("openat"), 13, 100, 100, factoryOpen.res(), -100, 0, 0, 0)
                .str(1, RecordLayout.ARG_STR, "/home/alice/notes.txt").bytes());
        Event liveOpen = last();
        for (String arg : List.of("fd", "dirfd", "flags", "mode")) {
            assertThat(liveOpen.arg(arg).rendered()).as(arg).isEqualTo(factoryOpen.arg(arg).rendered());
            assertThat(liveOpen.arg(arg).raw()).as(arg).isEqualTo(factoryOpen.arg(arg).raw());
        }
        assertThat(liveOpen.arg("fd").rendered()).isEqualTo("<f>/home/alice/notes.txt");

        Event factoryFailed = f.openatFailing(cat, "/nope", OpenFlags.O_RDONLY, 2);
        feed(RecordBytes.syscall(EventTypes.id("openat"), 14, 100, 100, -2, -100, 0, 0, 0)
                .str(1, RecordLayout.ARG_STR, "/nope").bytes());
        assertThat(last().arg("fd").rendered()).isEqualTo(factoryFailed.arg("fd").rendered()).isEqualTo("ENOENT");

        // close: the fd is gone from the table afterwards, the event still names it
        feed(RecordBytes.syscall(EventTypes.id("close"), 15, 100, 100, 0, factoryOpen.res()).bytes());
        assertThat(last().arg("fd").rendered()).isEqualTo("<f>/home/alice/notes.txt");
        assertThat(state.fds(100).get(factoryOpen.res())).isNull();

        // ptrace: the kernel's PTRACE_ATTACH (16) arrives as libscap's number, the one the factory and .scap use
        Event factoryPtrace = f.ptrace(cat, SyscallArgs.PTRACE_ATTACH, 1);
        feed(RecordBytes.syscall(EventTypes.id("ptrace"), 16, 100, 100, 0, 16, 1, 0, 0).bytes());
        assertThat(last().arg("request")).isEqualTo(factoryPtrace.arg("request"));
        assertThat(last().arg("request").rawLong()).isEqualTo(11L);
    }

    @Test
    void bootstrapReadsProcessesWithUsersAndFds() {
        var bash = state.threads().find(100);
        assertThat(bash.comm()).isEqualTo("bash");
        assertThat(bash.exepath()).isEqualTo("/usr/bin/bash");
        assertThat(bash.args()).containsExactly("-l");
        assertThat(bash.userName()).isEqualTo("alice");
        assertThat(bash.loginUid()).isEqualTo(1000);
        assertThat(bash.parent().comm()).isEqualTo("systemd");
        assertThat(state.fds(100).get(0).name()).isEqualTo("/dev/pts/0");
    }

    @Test
    void forkExecOpenFollowsAncestryAndResolvesPaths() {
        feed(RecordBytes.fork(10, 100, 100, 200, 200));
        feed(RecordBytes.exec(11, 200, 200).str(RecordLayout.BLOB_FILENAME, 0, "/usr/bin/cat")
                .blob(RecordLayout.BLOB_ARGS, 0, "cat\0notes.txt\0".getBytes(StandardCharsets.UTF_8))
                .str(RecordLayout.BLOB_EXE_DENTRY, 0, "cat").str(RecordLayout.BLOB_EXE_DENTRY, 0, "bin")
                .str(RecordLayout.BLOB_EXE_DENTRY, 0, "usr")
                .execInfo(1, 1000, 100, "cat").bytes());
        assertThat(events).isEmpty(); // the exec hook only changes state
        feed(RecordBytes.syscall(EventTypes.id("execve"), 12, 200, 200, 0, 0, 0, 0).bytes());
        Event exec = last();
        assertThat(exec.typeName()).isEqualTo("execve");
        assertThat(exec.thread().comm()).isEqualTo("cat");
        assertThat(exec.thread().exepath()).isEqualTo("/usr/bin/cat");
        assertThat(exec.thread().cwd()).isEqualTo("/home/alice");
        assertThat(exec.thread().ancestor(1).comm()).isEqualTo("bash");
        assertThat(exec.thread().ancestor(2).comm()).isEqualTo("systemd");
        assertThat(exec.arg("flags").rendered()).isEqualTo("EXE_WRITABLE");
        assertThat(exec.arg("args").rendered()).isEqualTo("notes.txt");
        assertThat(exec.ts()).isEqualTo(12 + 1_000_000_000L);

        feed(RecordBytes.syscall(EventTypes.id("openat"), 13, 200, 200, 3, -100, 0, 0, 0)
                .str(1, RecordLayout.ARG_STR, "notes.txt").bytes());
        Event open = last();
        assertThat(open.fd().name()).isEqualTo("/home/alice/notes.txt");
        assertThat(open.fd().nameRaw()).isEqualTo("notes.txt");
        assertThat(open.fd().type()).isEqualTo(FdType.FILE);
        assertThat(open.arg("flags").rendered()).isEqualTo("O_RDONLY");

        feed(RecordBytes.syscall(EventTypes.id("dup2"), 14, 200, 200, 1, 3, 1).bytes());
        assertThat(last().fd().name()).isEqualTo("/home/alice/notes.txt");
        assertThat(state.fds(200).get(1).name()).isEqualTo("/home/alice/notes.txt");
        assertThat(state.fds(200).get(0).name()).isEqualTo("/dev/pts/0"); // inherited from bash

        feed(RecordBytes.syscall(EventTypes.id("close"), 15, 200, 200, 0, 3).bytes());
        assertThat(last().fd().name()).isEqualTo("/home/alice/notes.txt");
        assertThat(state.fds(200).get(3)).isNull();
    }

    @Test
    void failedOpenKeepsRawAndNormalizedNames() {
        feed(RecordBytes.syscall(EventTypes.id("openat"), 20, 100, 100, -13, -100, 0, 0, 0)
                .str(1, RecordLayout.ARG_STR, "/etc/../etc/../etc/shadow").bytes());
        Event e = last();
        assertThat(e.fd().num()).isEqualTo(-1);
        assertThat(e.res()).isEqualTo(-13);
        assertThat(e.fd().name()).isEqualTo("/etc/shadow");
        assertThat(e.fd().nameRaw()).isEqualTo("/etc/../etc/../etc/shadow");
        assertThat(state.fds(100).get(-1)).isNull();
    }

    @Test
    void chdirAndUidChangesUpdateTheThread() {
        feed(RecordBytes.syscall(EventTypes.id("chdir"), 30, 100, 100, 0, 0).str(0, RecordLayout.ARG_STR, "../bob").bytes());
        assertThat(state.threads().find(100).cwd()).isEqualTo("/home/bob");
        feed(RecordBytes.syscall(EventTypes.id("openat"), 31, 100, 100, 4, -100, 0, 0, 0)
                .str(1, RecordLayout.ARG_STR, "x").bytes());
        assertThat(last().fd().name()).isEqualTo("/home/bob/x");
        // the probe reports euid 0 on every record: user.name follows
        assertThat(last().thread().userName()).isEqualTo("root");
    }

    @Test
    void execInAContainerCgroupAssignsTheContainer() {
        feed(RecordBytes.fork(40, 100, 100, 300, 300));
        feed(RecordBytes.exec(41, 300, 300).str(RecordLayout.BLOB_FILENAME, 0, "/bin/sh")
                .str(RecordLayout.BLOB_CGROUP, 0, "libpod-" + CID).str(RecordLayout.BLOB_CGROUP, 0, "libpod_parent")
                .execInfo(2, 4294967295L, 100, "sh").bytes());
        feed(RecordBytes.syscall(EventTypes.id("execve"), 42, 300, 300, 0, 0, 0, 0).bytes());
        Event e = last();
        assertThat(e.thread().container().id()).isEqualTo(CID.substring(0, 12));
        assertThat(e.thread().container().type()).isEqualTo("podman");
        assertThat(e.thread().exeUpperLayer()).isTrue();
        assertThat(e.thread().loginUid()).isEqualTo(-1);
        assertThat(e.arg("flags").rendered()).isEqualTo("EXE_UPPER_LAYER");
    }

    @Test
    void exitedThreadsLingerThenGo() {
        feed(RecordBytes.fork(50, 100, 100, 400, 400));
        feed(RecordBytes.exit(51, 400, 400));
        assertThat(state.threads().find(400)).isNotNull();
        feed(RecordBytes.syscall(EventTypes.id("close"), 51 + 6_000_000_000L, 100, 100, 0, 9).bytes());
        assertThat(state.threads().find(400)).isNull();
    }
}
