package dev.falconet.sensor.decode;

import dev.falconet.event.Arg;
import dev.falconet.event.EventTypes;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordDecoderTest {
    private final RecordDecoder decoder = new RecordDecoder();

    private ProbeRecord decode(byte[] b) {
        return decoder.decode(MemorySegment.ofArray(b));
    }

    @Test
    void openatExitWithPathAndInode() {
        int nr = EventTypes.id("openat");
        byte[] rec = RecordBytes.syscall(nr, 42, 100, 99, 3, -100, 0x7fff0000L, 02000000 /* O_CLOEXEC */, 0)
                .str(1, RecordLayout.ARG_STR, "/etc/shadow").fileInfo(5, 0x800001, 777).bytes();
        var x = (ProbeRecord.SyscallExit) decode(rec);
        assertThat(x.nr()).isEqualTo(nr);
        assertThat(x.tid()).isEqualTo(100);
        assertThat(x.pid()).isEqualTo(99);
        assertThat(x.res()).isEqualTo(3);
        assertThat(x.string(1)).isEqualTo("/etc/shadow");
        assertThat(x.file().ino()).isEqualTo(777);

        List<Arg> args = EventArgs.of(x);
        assertThat(args).extracting(Arg::name).containsExactly("fd", "dirfd", "name", "flags", "mode", "dev", "ino");
        assertThat(args.get(1).rendered()).isEqualTo("AT_FDCWD");
        assertThat(args.get(2).rendered()).isEqualTo("/etc/shadow");
        assertThat(args.get(3).rendered()).isEqualTo("O_RDONLY|O_CLOEXEC");
        assertThat(args.get(3).rawLong()).isEqualTo(Flags.PPM_O_RDONLY | Flags.PPM_O_CLOEXEC);
        assertThat(args.get(6).rawLong()).isEqualTo(777L);
    }

    @Test
    void failedOpenRendersErrnoAndKeepsThePath() {
        byte[] rec = RecordBytes.syscall(EventTypes.id("open"), 1, 5, 5, -2, 0, 0101 /* O_WRONLY|O_CREAT */, 0644)
                .str(0, RecordLayout.ARG_STR, "/nope").bytes();
        var x = (ProbeRecord.SyscallExit) decode(rec);
        List<Arg> args = EventArgs.of(x);
        assertThat(args.get(0).rawLong()).isEqualTo(-2L);
        assertThat(args.get(1).rendered()).isEqualTo("/nope");
        assertThat(args.get(2).rendered()).isEqualTo("O_CREAT|O_WRONLY");
        assertThat(Errnos.renderRes(-2)).isEqualTo("-2(ENOENT)");
    }

    @Test
    void connectTupleIsClientToServer() {
        byte[] rec = RecordBytes.syscall(EventTypes.id("connect"), 1, 7, 7, 0, 4, 0, 16)
                .tuple4(0, 6, new byte[] {127, 0, 0, 1}, 40000, new byte[] {127, 0, 0, 1}, 8080).bytes();
        var x = (ProbeRecord.SyscallExit) decode(rec);
        assertThat(x.tuple().l4proto()).isEqualTo("tcp");
        List<Arg> args = EventArgs.of(x);
        assertThat(args).extracting(Arg::name).containsExactly("res", "tuple", "fd", "addr");
        assertThat(args.get(1).rendered()).isEqualTo("127.0.0.1:40000->127.0.0.1:8080");
    }

    @Test
    void socketDomainAndPtraceRequestRenderLikeLibsinsp() {
        var packet = (ProbeRecord.SyscallExit) decode(RecordBytes.syscall(EventTypes.id("socket"), 1, 1, 1, 5, 17, 3, 768).bytes());
        assertThat(EventArgs.of(packet).get(1).rendered()).isEqualTo("AF_PACKET");
        var unix = (ProbeRecord.SyscallExit) decode(RecordBytes.syscall(EventTypes.id("socket"), 1, 1, 1, 5, 1, 1, 0).bytes());
        assertThat(EventArgs.of(unix).get(1).rendered()).isEqualTo("AF_LOCAL|AF_UNIX");
        var traceme = (ProbeRecord.SyscallExit) decode(RecordBytes.syscall(EventTypes.id("ptrace"), 1, 1, 1, 0, 0, 0, 0, 0).bytes());
        assertThat(EventArgs.of(traceme)).filteredOn(a -> a.name().equals("request")).first()
                .extracting(Arg::rendered).isEqualTo("PTRACE_TRACEME");
        var attach = (ProbeRecord.SyscallExit) decode(RecordBytes.syscall(EventTypes.id("ptrace"), 1, 1, 1, 0, 16, 1234, 0, 0).bytes());
        assertThat(EventArgs.of(attach)).filteredOn(a -> a.name().equals("request")).first()
                .extracting(Arg::rendered).isEqualTo("PTRACE_ATTACH");
    }

    @Test
    void symlinkKeepsTargetAndLinkpath() {
        var x = (ProbeRecord.SyscallExit) decode(RecordBytes.syscall(EventTypes.id("symlinkat"), 1, 1, 1, 0, 0, -100, 0)
                .str(0, RecordLayout.ARG_STR, "/etc/shadow").str(2, RecordLayout.ARG_STR, "/tmp/x").bytes());
        assertThat(EventArgs.of(x)).extracting(Arg::name, Arg::rendered).containsExactly(
                org.assertj.core.groups.Tuple.tuple("res", "0"), org.assertj.core.groups.Tuple.tuple("target", "/etc/shadow"),
                org.assertj.core.groups.Tuple.tuple("linkdirfd", "AT_FDCWD"), org.assertj.core.groups.Tuple.tuple("linkpath", "/tmp/x"));
    }

    @Test
    void execRecordCarriesArgvExePathCgroupsAndFlags() {
        byte[] rec = RecordBytes.exec(10, 300, 300)
                .str(RecordLayout.BLOB_FILENAME, 0, "/usr/bin/true")
                .blob(RecordLayout.BLOB_ARGS, 0, "true\0--unique\0".getBytes(StandardCharsets.UTF_8))
                .str(RecordLayout.BLOB_EXE_DENTRY, 0, "true").str(RecordLayout.BLOB_EXE_DENTRY, 0, "bin")
                .str(RecordLayout.BLOB_EXE_DENTRY, 0, "usr")
                .str(RecordLayout.BLOB_CGROUP, 0, "libpod-" + "a".repeat(64)).str(RecordLayout.BLOB_CGROUP, 0, "libpod_parent")
                .execInfo(Flags.EXE_WRITABLE | Flags.EXE_UPPER_LAYER, 4294967295L, 299, "true").bytes();
        var e = (ProbeRecord.ExecRecord) decode(rec);
        assertThat(e.filename()).isEqualTo("/usr/bin/true");
        assertThat(e.argv()).containsExactly("true", "--unique");
        assertThat(e.exePath()).isEqualTo("/usr/bin/true");
        assertThat(e.cgroups().get(0)).isEqualTo("/libpod_parent/libpod-" + "a".repeat(64));
        assertThat(e.comm()).isEqualTo("true");
        assertThat(e.ppid()).isEqualTo(299);
        assertThat(Flags.EXE.render(e.exeFlags())).isEqualTo("EXE_WRITABLE|EXE_UPPER_LAYER");
    }

    @Test
    void forkAndExitRecords() {
        var f = (ProbeRecord.ForkRecord) decode(RecordBytes.fork(5, 10, 10, 11, 11));
        assertThat(f.childTid()).isEqualTo(11);
        assertThat(f.childPid()).isEqualTo(11);
        assertThat(f.childVtid()).as("id in the child's pid namespace").isEqualTo(1);
        assertThat(f.childVpid()).isEqualTo(1);
        assertThat(decode(RecordBytes.exit(6, 11, 11))).isInstanceOf(ProbeRecord.ExitRecord.class);
    }

    @Test
    void malformedRecordsAreRejectedWithAReason() {
        assertThatThrownBy(() -> decode(new byte[10])).hasMessageContaining("shorter than the header");
        byte[] rec = RecordBytes.syscall(2, 1, 1, 1, 0).str(0, RecordLayout.ARG_STR, "/x").bytes();
        byte[] cut = java.util.Arrays.copyOf(rec, rec.length - 2);
        assertThatThrownBy(() -> decode(cut)).hasMessageContaining("record length");
        byte[] badKind = RecordBytes.exit(1, 1, 1);
        badKind[RecordLayout.KIND] = 9;
        assertThatThrownBy(() -> decode(badKind)).hasMessageContaining("unknown record kind 9");
    }
}
