package dev.falconet.output;

import dev.falconet.rules.Priority;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Alerts shaped like the lab's, for output tests. */
public final class TestAlerts {
    /** 2023-05-25T13:44:05.478445995Z */
    public static final long TIME = 1685022245478445995L;

    private TestAlerts() {
    }

    public static Alert readSensitiveFile() {
        Map<String, Object> f = new TreeMap<>();
        f.put("container.id", "3ad7b26ded6d");
        f.put("container.name", "lab");
        f.put("evt.time", TIME);
        f.put("evt.type", "openat");
        f.put("fd.name", "/etc/pam.d/passwd");
        f.put("proc.aname[2]", null);
        f.put("proc.cmdline", "cat /etc/pam.d/passwd");
        f.put("user.loginuid", -1L);
        String message = "Sensitive file opened for reading by non-trusted program | file=/etc/pam.d/passwd "
                + "container_id=3ad7b26ded6d container_name=lab";
        return new Alert(TIME, "Read sensitive file untrusted", Priority.WARNING, "syscall",
                List.of("T1555", "container", "filesystem", "host", "maturity_stable", "mitre_credential_access"),
                "node-1", AlertFormats.outputLine(TIME, Priority.WARNING, message, ZoneOffset.UTC), message, f,
                "6f1c0a4e-1d2b-4c3d-9e8f-0a1b2c3d4e5f");
    }

    public static Alert writeBelowTestDir() {
        Map<String, Object> f = new TreeMap<>();
        f.put("evt.time", TIME + 1000);
        f.put("fd.name", "/tmp/falco_test/created_by_test.txt");
        f.put("proc.cmdline", "touch /tmp/falco_test/created_by_test.txt");
        f.put("proc.name", "touch");
        f.put("user.name", "root");
        String message = "File below test directory opened for writing (file=/tmp/falco_test/created_by_test.txt "
                + "command=touch /tmp/falco_test/created_by_test.txt user=root)";
        return new Alert(TIME + 1000, "Write below test directory", Priority.CRITICAL, "syscall", List.of("lab", "filesystem"),
                "node-1", AlertFormats.outputLine(TIME + 1000, Priority.CRITICAL, message, ZoneOffset.UTC), message, f,
                "7a2b3c4d-0000-4000-8000-000000000002");
    }

    public static Alert dropAndExecute() {
        Map<String, Object> f = new TreeMap<>();
        f.put("container.id", "ee97d9c4186f");
        f.put("container.name", "lab");
        f.put("evt.time", TIME + 2000);
        f.put("proc.exepath", "/tmp/x");
        f.put("proc.name", "x");
        f.put("proc.tty", 34816L);
        f.put("user.loginuid", -1L);
        String message = "Executing binary not part of base image | proc_exe=/tmp/x proc_sname=sh gparent=containerd-shim "
                + "evt_res=SUCCESS proc_exe_ino_ctime=1685022245478445995 proc_cwd=/ container_id=ee97d9c4186f container_name=lab";
        return new Alert(TIME + 2000, "Drop and execute new binary in container", Priority.CRITICAL, "syscall",
                List.of("TA0003", "container", "maturity_stable", "mitre_persistence", "process"),
                "node-1", AlertFormats.outputLine(TIME + 2000, Priority.CRITICAL, message, ZoneOffset.UTC), message, f,
                "8b3c4d5e-0000-4000-8000-000000000003");
    }

    /** An alert with hostile values: markup metacharacters, backslashes, control characters, a long command line. */
    public static Alert hostile(int cmdlineLength) {
        char[] big = new char[cmdlineLength];
        Arrays.fill(big, 'A');
        Map<String, Object> f = new TreeMap<>();
        f.put("evt.time", TIME);
        f.put("proc.cmdline", "sh -c 'echo *bold* _it_ [x](http://e) `c` <b>&amp;</b> \\n \\\\ ~!#+-=|{}.>' " + new String(big));
        f.put("proc.name", "ev\u0001il\ud800\nname");
        String message = "Hostile \"quoted\" \\ value\nsecond line";
        return new Alert(TIME, "Hostile [rule] *name*", Priority.ERROR, "syscall", List.of("a_b", "c.d"), "host-1.example",
                AlertFormats.outputLine(TIME, Priority.ERROR, message, ZoneOffset.UTC), message, f, "9c4d5e6f-0000-4000-8000-000000000004");
    }

    /** {@code n} simple alerts numbered in {@code proc.pid}. */
    public static Alert numbered(int i) {
        Map<String, Object> f = new TreeMap<>();
        f.put("evt.time", TIME + i);
        f.put("proc.pid", (long) i);
        String message = "alert number " + i;
        return new Alert(TIME + i, "Numbered", Priority.WARNING, "syscall", List.of(), "node-1",
                AlertFormats.outputLine(TIME + i, Priority.WARNING, message, ZoneOffset.UTC), message, f,
                String.format("00000000-0000-4000-8000-%012d", i));
    }
}
