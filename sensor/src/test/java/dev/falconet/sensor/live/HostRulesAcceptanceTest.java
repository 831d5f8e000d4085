package dev.falconet.sensor.live;

import dev.falconet.testing.SharedMaterial;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static dev.falconet.sensor.live.SensorTestSupport.assumeSensorCanRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Acceptance on the host: the upstream stable rules loaded, the live sensor attached, and the
 * event-generator actions that run offline done for real by child processes. Each must fire its
 * rule exactly once with the right fields; ordinary activity must fire nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostRulesAcceptanceTest {
    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private RuleHarness h;
    private Path dir;

    @BeforeAll
    void setUp() throws Exception {
        assumeSensorCanRun();
        Path rules = SharedMaterial.upstreamRules().resolve("falco_rules.yaml");
        h = new RuleHarness(List.of(rules));
        dir = Files.createDirectories(Path.of("/tmp", "falconet-acc-" + tag));
    }

    @AfterAll
    void tearDown() throws Exception {
        if (h != null) h.close();
        if (dir != null) RuleHarness.runToEnd("rm", "-rf", dir.toString());
    }

    private RuleHarness.Fired once(Process p, String rule) throws InterruptedException {
        List<RuleHarness.Fired> f = h.alertsOf(p, rule, 5000);
        assertThat(f).as("alerts of rule '%s'; all alerts of this process: %s", rule,
                h.fired.stream().filter(x -> x.ancestry().contains(p.pid())).map(x -> x.alert().rule()).toList()).hasSize(1);
        assertThat(f.get(0).field("container.id")).isIn("host", null);
        return f.get(0);
    }

    @Test
    void readSensitiveFileUntrusted() throws Exception {
        Process p = RuleHarness.runToEnd("cat", "/etc/shadow", dir + "/missing");
        RuleHarness.Fired f = once(p, "Read sensitive file untrusted");
        assertThat(f.field("fd.name")).isEqualTo("/etc/shadow");
        assertThat(f.field("proc.name")).isEqualTo("cat");
        assertThat(f.field("proc.exepath")).isEqualTo("/usr/bin/cat");
        assertThat(f.field("proc.cmdline")).isEqualTo("cat /etc/shadow " + dir + "/missing");
        assertThat(f.field("proc.pname")).isEqualTo("java");
        assertThat(f.field("user.name")).isEqualTo("root");
        assertThat(f.field("evt.type")).isEqualTo("openat");
        assertThat(f.alert().output()).contains("Warning Sensitive file opened for reading by non-trusted program");
        // a forked child's ids in its own pid namespace are its own, not its parent's
        assertThat(f.vpid()).isEqualTo(p.pid());
    }

    @Test
    void readPamConfigThroughTheDirectoryBranch() throws Exception {
        assumeTrue(Files.exists(Path.of("/etc/pam.d/passwd")), "/etc/pam.d/passwd absent");
        Process p = RuleHarness.runToEnd("sh", "-c", "cat /etc/pam.d/passwd " + dir + "/missing; true");
        RuleHarness.Fired f = once(p, "Read sensitive file untrusted");
        assertThat(f.field("fd.name")).isEqualTo("/etc/pam.d/passwd");
        assertThat(f.field("proc.pname")).isEqualTo("sh");
        assertThat(f.field("proc.aname[2]")).isEqualTo("java");
    }

    @Test
    void directoryTraversal() throws Exception {
        Process p = RuleHarness.runToEnd("cat", "/etc/../etc/../etc/shadow", dir + "/missing");
        RuleHarness.Fired f = once(p, "Directory traversal monitored file read");
        assertThat(f.field("fd.name")).isEqualTo("/etc/shadow");
        assertThat(f.field("fd.nameraw")).isEqualTo("/etc/../etc/../etc/shadow");
    }

    @Test
    void symlinkAndHardlinkOverSensitiveFiles() throws Exception {
        Process s = RuleHarness.runToEnd("ln", "-s", "/etc", dir + "/etc_link");
        assertThat(once(s, "Create Symlink Over Sensitive Files").field("evt.arg.target")).isEqualTo("/etc");
        Process l = RuleHarness.runToEnd("ln", "/etc/shadow", dir + "/shadow_link");
        assertThat(once(l, "Create Hardlink Over Sensitive Files").field("evt.arg.oldpath")).isEqualTo("/etc/shadow");
    }

    @Test
    void searchesForKeysAndCredentials() throws Exception {
        Process k = RuleHarness.runToEnd("find", dir.toString(), "-maxdepth", "1", "-iname", "id_rsa");
        assertThat(once(k, "Search Private Keys or Passwords").field("proc.name")).isEqualTo("find");
        Process a = RuleHarness.runToEnd("find", dir.toString(), "-maxdepth", "1", "-iname", ".aws/credentials");
        once(a, "Find AWS Credentials");
    }

    @Test
    void logClearingAndShred() throws Exception {
        Process c = RuleHarness.runToEnd("sh", "-c", ": > " + dir + "/syslog");
        assertThat(once(c, "Clear Log Activities").field("fd.name")).isEqualTo(dir + "/syslog");
        Path data = Files.writeString(dir.resolve("data"), "secret");
        Process s = RuleHarness.runToEnd("shred", "-u", data.toString());
        assertThat(once(s, "Remove Bulk Data from Disk").field("proc.name")).isEqualTo("shred");
    }

    @Test
    void executionFromDevShm() throws Exception {
        Path script = Path.of("/dev/shm", "falconet-" + tag + ".sh");
        Files.writeString(script, "#!/bin/sh\necho hi\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        try {
            Process p = RuleHarness.runToEnd("sh", "-c", script + "; true");
            once(p, "Execution from /dev/shm");
        } finally {
            Files.deleteIfExists(script);
        }
    }

    @Test
    void shellFromAWebServerAndASystemUserLogin() throws Exception {
        Path httpd = dir.resolve("httpd");
        Files.deleteIfExists(httpd);
        Files.createSymbolicLink(httpd, Path.of("/bin/bash"));
        Process p = RuleHarness.runToEnd(httpd.toString(), "-c", "sh -c true; true");
        RuleHarness.Fired f = once(p, "Run shell untrusted");
        assertThat(f.field("proc.pname")).isEqualTo("httpd");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")) && Files.isExecutable(Path.of("/usr/bin/login")),
                "setpriv or login missing");
        Process l = RuleHarness.runToEnd("setpriv", "--reuid=daemon", "--regid=daemon", "--clear-groups", "/usr/bin/login");
        RuleHarness.Fired u = once(l, "System user interactive");
        assertThat(u.field("user.name")).isEqualTo("daemon");
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Process driver(String... args) throws Exception {
        String[] cmd = new String[4 + args.length];
        cmd[0] = java();
        cmd[1] = "--enable-native-access=ALL-UNNAMED";
        cmd[2] = "-cp";
        cmd[3] = System.getProperty("java.class.path");
        System.arraycopy(args, 0, cmd, 4, args.length);
        return RuleHarness.runToEnd(cmd);
    }

    @Test
    void ptraceTracemeAttachAndMemfdExecution() throws Exception {
        Path marker = dir.resolve("traced");
        String traceme = String.join(" ", java(), "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                SyscallDriver.class.getName(), "traceme", marker.toString());
        // the shell is the tracer: it exits once the driver is about to call PTRACE_TRACEME, which detaches it
        Process t = RuleHarness.runToEnd("sh", "-c", traceme + " & for i in $(seq 1 600); do [ -e " + marker
                + " ] && break; sleep 0.05; done; sleep 0.5");
        assertThat(once(t, "PTRACE anti-debug attempt").field("evt.type")).isEqualTo("ptrace");
        Process sleeper = RuleHarness.start("sleep", "30");
        try {
            Process a = driver(SyscallDriver.class.getName(), "attach", Long.toString(sleeper.pid()));
            once(a, "PTRACE attached to process");
        } finally {
            sleeper.destroyForcibly();
        }
        Process m = driver(SyscallDriver.class.getName(), "memfd-exec", "/bin/true", "--" + tag);
        RuleHarness.Fired f = once(m, "Fileless execution via memfd_create");
        assertThat((String) f.field("evt.arg.flags")).contains("EXE_FROM_MEMFD");
        // the kernel's name for a file with no directory, as /proc/PID/exe shows it
        assertThat((String) f.field("proc.exepath")).startsWith("/memfd:").endsWith(" (deleted)");
    }

    @Test
    void ordinaryActivityFiresNothing() throws Exception {
        Path src = Files.writeString(dir.resolve("Hello.java"), "class Hello { public static void main(String[] a) { System.out.println(\"hi\"); } }");
        String script = String.join("; ",
                "ls -la /usr/bin > /dev/null",
                "cat /etc/hostname /etc/os-release > /dev/null",
                "mkdir -p " + dir + "/work && cp -r /usr/share/doc/bash " + dir + "/work/",
                "tar -C " + dir + "/work -czf " + dir + "/work.tgz . && tar -tzf " + dir + "/work.tgz > /dev/null",
                "grep -r bash " + dir + "/work > /dev/null",
                Path.of(System.getProperty("java.home"), "bin", "javac") + " -d " + dir + "/classes " + src,
                "sort /etc/services | uniq | wc -l > /dev/null",
                "true");
        Process p = RuleHarness.runToEnd("sh", "-c", script);
        List<RuleHarness.Fired> f = h.alertsOf(p, null, 3000);
        assertThat(f).as("alerts from ordinary activity").extracting(x -> x.alert().output()).isEmpty();
    }
}
