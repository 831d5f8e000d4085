package dev.falconet.exercise;

import dev.falconet.capture.CaptureHeader;
import dev.falconet.capture.CaptureWriter;
import dev.falconet.capture.EventFactory;
import dev.falconet.capture.EventFactory.ContainerShell;
import dev.falconet.capture.EventFactory.HostShell;
import dev.falconet.event.ContainerInfo;
import dev.falconet.event.Event;
import dev.falconet.event.ThreadInfo;
import dev.falconet.fields.OpenFlags;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Writes the exercises' captures: {@code scenarios/exercises/captures/<exercise>/<case>.jsonl}, each a small
 * recording of what the live sensor would see for one action (process tree, container, fd and arguments).
 *
 * <p>Deterministic: every capture starts from a fresh {@link EventFactory} at its fixed start time, so running
 * it again rewrites the same bytes ({@link ExerciseCapturesInSyncTest} checks that).
 *
 * <pre>
 * ./mvnw -B -q -pl sensor test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.falconet.exercise.ExerciseCaptureGenerator
 * </pre>
 * (an optional argument names the captures directory; default: {@code scenarios/exercises/captures} of the repository).
 */
public final class ExerciseCaptureGenerator {
    static final String CREATED = "2026-01-15T10:00:00Z";
    static final String HOSTNAME = "lab-node";

    /** One capture: the exercise and case it belongs to, what it shows, and its events. */
    record Capture(String exercise, String name, String description, Consumer<Recorder> events) {
        Path path(Path root) {
            return root.resolve(exercise).resolve(name + ".jsonl");
        }
    }

    /** An event factory whose events are written as they are made (each event keeps the state of its moment). */
    static final class Recorder {
        final EventFactory f = new EventFactory();
        private final CaptureWriter writer;

        Recorder(CaptureWriter writer) {
            this.writer = writer;
        }

        Event rec(Event e) {
            writer.write(e);
            return e;
        }
    }

    private ExerciseCaptureGenerator() {}

    public static void main(String[] args) throws IOException {
        Path root = args.length > 0 ? Path.of(args[0]) : defaultRoot();
        Map<Path, byte[]> files = render(root);
        for (Map.Entry<Path, byte[]> e : files.entrySet()) {
            Files.createDirectories(e.getKey().getParent());
            Files.write(e.getKey(), e.getValue());
        }
        System.out.println("wrote " + files.size() + " captures under " + root);
    }

    static Path defaultRoot() {
        return ExerciseTesting.exercisesDir().resolve("captures");
    }

    /** Every capture's path under {@code root} and its bytes. */
    static Map<Path, byte[]> render(Path root) {
        Map<Path, byte[]> out = new LinkedHashMap<>();
        for (Capture c : captures()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            CaptureHeader header = new CaptureHeader(CaptureHeader.VERSION, HOSTNAME, CREATED,
                    "exercise: " + c.exercise() + ": " + c.description());
            try (CaptureWriter w = new CaptureWriter(bytes, c.name(), header)) {
                c.events().accept(new Recorder(w));
            }
            out.put(c.path(root), bytes.toByteArray());
        }
        return out;
    }

    // ------------------------------------------------------------------ shared set-ups

    private static final long RDONLY = OpenFlags.O_RDONLY;
    private static final long RDONLY_CLOEXEC = OpenFlags.O_RDONLY | OpenFlags.O_CLOEXEC;
    /** touch: create if missing, no truncation. */
    private static final long TOUCH = OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_NONBLOCK;
    /** A shell's {@code > file}, tee, an editor saving. */
    private static final long TRUNCATE = OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_TRUNC;

    private static HostShell alice(Recorder r) {
        return r.f.hostShell("alice", 1000);
    }

    private static HostShell rootLogin(Recorder r) {
        return r.f.hostShell("root", 0);
    }

    private static ContainerShell container(Recorder r, String name, String image) {
        ContainerInfo c = r.f.container(name, image).build();
        return r.f.containerShell(c);
    }

    private static ContainerShell pod(Recorder r, String namespace, String podName, String image) {
        String app = podName.substring(0, podName.indexOf('-'));
        ContainerInfo c = r.f.container(app, image).pod(namespace, podName, Map.of("app", app)).build();
        return r.f.containerShell(c);
    }

    /** A web server's master and one worker (already running), in a container or on the host. */
    private static ThreadInfo webWorker(Recorder r, ThreadInfo parent, String exepath, String... args) {
        ThreadInfo master = r.f.spawn(parent, exepath, args);
        return r.f.spawn(master, exepath, args);
    }

    private static Event readFile(Recorder r, ThreadInfo shell, String program, String file) {
        Event p = r.rec(r.f.execve(shell, program, file));
        return r.rec(r.f.openat(p.thread(), file, RDONLY));
    }

    // ------------------------------------------------------------------ the captures

    static List<Capture> captures() {
        List<Capture> all = new ArrayList<>();
        writeBelowTest(all);
        credentialFiles(all);
        webShellMacro(all);
        packageManager(all);
        exceptions(all);
        extendUpstream(all);
        prodNamespace(all);
        symlinkEvasion(all);
        webShellAncestry(all);
        return all;
    }

    private static void add(List<Capture> all, String exercise, String name, String description, Consumer<Recorder> events) {
        all.add(new Capture(exercise, name, description, events));
    }

    private static void writeBelowTest(List<Capture> all) {
        String x = "write-below-test";
        add(all, x, "touch-testfile", "touch /test/testfile from a login shell", r -> {
            Event touch = r.rec(r.f.execve(alice(r).bash(), "/usr/bin/touch", "/test/testfile"));
            r.rec(r.f.openat(touch.thread(), "/test/testfile", TOUCH));
        });
        add(all, x, "touch-testdata", "touch /testdata/file: a directory whose name only starts like /test", r -> {
            Event touch = r.rec(r.f.execve(alice(r).bash(), "/usr/bin/touch", "/testdata/file"));
            r.rec(r.f.openat(touch.thread(), "/testdata/file", TOUCH));
        });
        add(all, x, "cat-test-readme", "cat /test/README: reading a file below /test", r ->
                readFile(r, alice(r).bash(), "/usr/bin/cat", "/test/README"));
        add(all, x, "redirect-deep", "echo done > /test/jobs/2026/run.log: the shell itself opens a deeper file", r ->
                r.rec(r.f.openat(alice(r).bash(), "/test/jobs/2026/run.log", TRUNCATE)));
        add(all, x, "touch-home-test", "touch /home/alice/test/notes.txt: a directory named test elsewhere", r -> {
            Event touch = r.rec(r.f.execve(alice(r).bash(), "/usr/bin/touch", "/home/alice/test/notes.txt"));
            r.rec(r.f.openat(touch.thread(), "/home/alice/test/notes.txt", TOUCH));
        });
    }

    private static void credentialFiles(List<Capture> all) {
        String x = "credential-files-list";
        add(all, x, "cat-aws-credentials", "root runs cat /root/.aws/credentials", r ->
                readFile(r, rootLogin(r).bash(), "/usr/bin/cat", "/root/.aws/credentials"));
        add(all, x, "python-reads-kubeconfig", "a Python script reads /root/.kube/config", r -> {
            Event py = r.rec(r.f.execve(rootLogin(r).bash(), "/usr/bin/python3", "/root/steal.py"));
            r.rec(r.f.openat(py.thread(), "/root/.kube/config", RDONLY_CLOEXEC));
        });
        add(all, x, "cat-aws-config", "root runs cat /root/.aws/config (region settings, no keys)", r ->
                readFile(r, rootLogin(r).bash(), "/usr/bin/cat", "/root/.aws/config"));
        add(all, x, "cat-docker-config", "root runs cat /root/.docker/config.json (registry passwords)", r ->
                readFile(r, rootLogin(r).bash(), "/usr/bin/cat", "/root/.docker/config.json"));
        add(all, x, "aws-configure-writes", "aws configure writes /root/.aws/credentials (a write, not a read)", r -> {
            Event aws = r.rec(r.f.execve(rootLogin(r).bash(), "/usr/local/bin/aws", "configure"));
            r.rec(r.f.openat(aws.thread(), "/root/.aws/credentials", TRUNCATE | OpenFlags.O_CLOEXEC));
        });
    }

    private static void webShellMacro(List<Capture> all) {
        String x = "web-shell-macro";
        add(all, x, "nginx-runs-sh", "an nginx worker in a container starts sh -c 'id; uname -a'", r -> {
            ContainerShell c = container(r, "web", "docker.io/library/nginx:1.27");
            ThreadInfo worker = webWorker(r, c.init(), "/usr/sbin/nginx", "-g", "daemon off;");
            r.rec(r.f.execve(worker, "/bin/sh", "-c", "id; uname -a"));
        });
        add(all, x, "admin-runs-sh", "alice runs sh -c make from her login shell", r ->
                r.rec(r.f.execve(alice(r).bash(), "/bin/sh", "-c", "make")));
        add(all, x, "nginx-runs-gzip", "an nginx worker starts gzip (not a shell)", r -> {
            ContainerShell c = container(r, "web", "docker.io/library/nginx:1.27");
            ThreadInfo worker = webWorker(r, c.init(), "/usr/sbin/nginx", "-g", "daemon off;");
            r.rec(r.f.execve(worker, "/usr/bin/gzip", "-9", "/var/log/nginx/access.log.1"));
        });
        add(all, x, "apache-runs-bash", "an apache2 worker on the host starts bash -c", r -> {
            ThreadInfo worker = webWorker(r, r.f.systemd(), "/usr/sbin/apache2", "-k", "start");
            r.rec(r.f.exec(worker, "/usr/bin/bash", "-c", "cat /etc/passwd").as(33, "www-data").run());
        });
        add(all, x, "php-fpm-opens-sh", "a php-fpm worker opens /bin/sh for reading (no program started)", r -> {
            ThreadInfo worker = webWorker(r, r.f.systemd(), "/usr/sbin/php-fpm8.2", "--nodaemonize");
            worker.comm("php-fpm").exe("php-fpm");
            r.rec(r.f.openat(worker, "/bin/sh", RDONLY_CLOEXEC));
        });
    }

    private static void packageManager(List<Capture> all) {
        String x = "package-manager-in-container";
        add(all, x, "apt-get-in-container", "apt-get install -y nmap in a running container", r -> {
            ContainerShell c = container(r, "web", "docker.io/library/nginx:1.27");
            r.rec(r.f.execve(c.init(), "/usr/bin/apt-get", "install", "-y", "nmap"));
        });
        add(all, x, "apt-get-on-host", "root runs apt-get install -y nmap on the host", r ->
                r.rec(r.f.execve(rootLogin(r).bash(), "/usr/bin/apt-get", "install", "-y", "nmap")));
        add(all, x, "apk-in-alpine", "apk add curl in an Alpine container", r -> {
            ContainerShell c = container(r, "tools", "docker.io/library/alpine:3.20");
            r.rec(r.f.execve(c.init(), "/sbin/apk", "add", "curl"));
        });
        add(all, x, "dpkg-on-host", "root runs dpkg -l on the host", r ->
                r.rec(r.f.execve(rootLogin(r).bash(), "/usr/bin/dpkg", "-l")));
    }

    private static void exceptions(List<Capture> all) {
        String x = "tune-with-exceptions";
        add(all, x, "tee-cron", "root writes a cron job with tee /etc/cron.d/backdoor", r -> {
            Event tee = r.rec(r.f.execve(rootLogin(r).bash(), "/usr/bin/tee", "/etc/cron.d/backdoor"));
            r.rec(r.f.openat(tee.thread(), "/etc/cron.d/backdoor", TRUNCATE));
        });
        add(all, x, "ldconfig-cache", "ldconfig rewrites /etc/ld.so.cache~ after a package install", r -> {
            Event ld = r.rec(r.f.execve(rootLogin(r).bash(), "/sbin/ldconfig"));
            r.rec(r.f.openat(ld.thread(), "/etc/ld.so.cache~", TRUNCATE | OpenFlags.O_CLOEXEC, 0644));
        });
        add(all, x, "vim-motd", "root edits /etc/motd with vim", r -> {
            Event vim = r.rec(r.f.execve(rootLogin(r).bash(), "/usr/bin/vim", "/etc/motd"));
            r.rec(r.f.openat(vim.thread(), "/etc/motd", TRUNCATE));
        });
        add(all, x, "vim-passwd", "root edits /etc/passwd with vim", r -> {
            Event vim = r.rec(r.f.execve(rootLogin(r).bash(), "/usr/bin/vim", "/etc/passwd"));
            r.rec(r.f.openat(vim.thread(), "/etc/passwd", TRUNCATE));
        });
        add(all, x, "ldconfig-real", "ldconfig.real (Ubuntu's ldconfig binary) rewrites /etc/ld.so.cache~", r -> {
            Event ld = r.rec(r.f.execve(rootLogin(r).bash(), "/sbin/ldconfig.real"));
            r.rec(r.f.openat(ld.thread(), "/etc/ld.so.cache~", TRUNCATE | OpenFlags.O_CLOEXEC, 0644));
        });
    }

    private static void extendUpstream(List<Capture> all) {
        String x = "extend-upstream-list";
        add(all, x, "cat-keytab", "alice runs cat /etc/krb5.keytab (Kerberos service keys)", r ->
                readFile(r, alice(r).bash(), "/usr/bin/cat", "/etc/krb5.keytab"));
        add(all, x, "cat-shadow", "alice runs cat /etc/shadow", r ->
                readFile(r, alice(r).bash(), "/usr/bin/cat", "/etc/shadow"));
        add(all, x, "cat-krb5-conf", "alice runs cat /etc/krb5.conf (Kerberos settings, no secrets)", r ->
                readFile(r, alice(r).bash(), "/usr/bin/cat", "/etc/krb5.conf"));
        add(all, x, "sudo-reads-keytab", "sudo reads /etc/krb5.keytab (sudo is a trusted reader)", r -> {
            Event sudo = r.rec(r.f.exec(alice(r).bash(), "/usr/bin/sudo", "-l").as(0, "root").run());
            r.rec(r.f.openat(sudo.thread(), "/etc/krb5.keytab", RDONLY_CLOEXEC));
        });
        add(all, x, "python-reads-pam-conf", "a Python script reads /etc/pam.conf", r -> {
            Event py = r.rec(r.f.execve(alice(r).bash(), "/usr/bin/python3", "/tmp/x.py"));
            r.rec(r.f.openat(py.thread(), "/etc/pam.conf", RDONLY_CLOEXEC));
        });
    }

    private static void prodNamespace(List<Capture> all) {
        String x = "prod-namespace-only";
        add(all, x, "touch-in-prod", "touch /test/testfile in a pod of namespace prod (kubectl exec)", r -> {
            ContainerShell c = pod(r, "prod", "web-6d8f9c7b5-k2m4n", "docker.io/library/nginx:1.27");
            Event touch = r.rec(r.f.execve(c.init(), "/usr/bin/touch", "/test/testfile"));
            r.rec(r.f.openat(touch.thread(), "/test/testfile", TOUCH));
        });
        add(all, x, "touch-in-secured-ns", "the same touch in a pod of namespace secured-ns", r -> {
            ContainerShell c = pod(r, "secured-ns", "ubuntu-5fccb98689-zmn4t", "docker.io/library/ubuntu:24.04");
            Event touch = r.rec(r.f.execve(c.init(), "/usr/bin/touch", "/test/testfile"));
            r.rec(r.f.openat(touch.thread(), "/test/testfile", TOUCH));
        });
        add(all, x, "touch-on-host", "touch /test/testfile on the host (no Kubernetes namespace)", r -> {
            Event touch = r.rec(r.f.execve(alice(r).bash(), "/usr/bin/touch", "/test/testfile"));
            r.rec(r.f.openat(touch.thread(), "/test/testfile", TOUCH));
        });
        add(all, x, "touch-in-prod-api", "touch /test/cache in another pod of namespace prod", r -> {
            ContainerShell c = pod(r, "prod", "api-7b9c8d6f4-q5w8e", "docker.io/library/python:3.12-slim");
            Event touch = r.rec(r.f.execve(c.init(), "/usr/bin/touch", "/test/cache"));
            r.rec(r.f.openat(touch.thread(), "/test/cache", TOUCH));
        });
    }

    private static void symlinkEvasion(List<Capture> all) {
        String x = "symlink-evasion";
        add(all, x, "link-then-read", "ln -s /etc/pam.d/passwd /tmp/notes, then cat /tmp/notes: the read names the link, not /etc/pam.d", r -> {
            HostShell h = alice(r);
            Event ln = r.rec(r.f.execve(h.bash(), "/usr/bin/ln", "-s", "/etc/pam.d/passwd", "/tmp/notes"));
            r.rec(r.f.symlinkat(ln.thread(), "/etc/pam.d/passwd", "/tmp/notes"));
            readFile(r, h.bash(), "/usr/bin/cat", "/tmp/notes");
        });
        add(all, x, "link-directory", "ln -s /etc/sudoers.d /tmp/s in a container: a link to the whole directory", r -> {
            ContainerShell c = container(r, "web", "docker.io/library/nginx:1.27");
            Event ln = r.rec(r.f.execve(c.init(), "/usr/bin/ln", "-s", "/etc/sudoers.d", "/tmp/s"));
            r.rec(r.f.symlinkat(ln.thread(), "/etc/sudoers.d", "/tmp/s"));
        });
        add(all, x, "link-hosts", "ln -s /etc/hosts /tmp/hosts: a link to a file that is not sensitive", r -> {
            Event ln = r.rec(r.f.execve(alice(r).bash(), "/usr/bin/ln", "-s", "/etc/hosts", "/tmp/hosts"));
            r.rec(r.f.symlinkat(ln.thread(), "/etc/hosts", "/tmp/hosts"));
        });
        add(all, x, "busybox-symlink", "BusyBox ln -s /etc/pam.d/su /tmp/x in an Alpine container: the symlink system call", r -> {
            ContainerShell c = container(r, "tools", "docker.io/library/alpine:3.20");
            Event ln = r.rec(r.f.execve(c.init(), "/bin/ln", "-s", "/etc/pam.d/su", "/tmp/x"));
            r.rec(r.f.symlink(ln.thread(), "/etc/pam.d/su", "/tmp/x"));
        });
        add(all, x, "pamd-lookalike", "ln -s /etc/pam.d.bak/old /tmp/old: a backup directory whose name starts like /etc/pam.d", r -> {
            Event ln = r.rec(r.f.execve(alice(r).bash(), "/usr/bin/ln", "-s", "/etc/pam.d.bak/old", "/tmp/old"));
            r.rec(r.f.symlinkat(ln.thread(), "/etc/pam.d.bak/old", "/tmp/old"));
        });
    }

    private static void webShellAncestry(List<Capture> all) {
        String x = "web-shell-ancestry";
        add(all, x, "php-fpm-sh-id", "a PHP web shell: php-fpm worker -> sh -c id -> id", r -> {
            ThreadInfo worker = webWorker(r, r.f.systemd(), "/usr/sbin/php-fpm8.2", "--nodaemonize");
            worker.comm("php-fpm").exe("php-fpm");
            worker.parent().comm("php-fpm").exe("php-fpm");
            Event sh = r.rec(r.f.exec(worker, "/bin/sh", "-c", "id").as(33, "www-data").run());
            r.rec(r.f.execve(sh.thread(), "/usr/bin/id"));
        });
        add(all, x, "php-fpm-convert", "a PHP app resizes an image: php-fpm worker -> convert (no shell)", r -> {
            ThreadInfo worker = webWorker(r, r.f.systemd(), "/usr/sbin/php-fpm8.2", "--nodaemonize");
            worker.comm("php-fpm").exe("php-fpm");
            worker.parent().comm("php-fpm").exe("php-fpm");
            r.rec(r.f.exec(worker, "/usr/bin/convert", "/var/www/up/a.png", "-resize", "50%", "/var/www/up/a_small.png").as(33, "www-data").run());
        });
        add(all, x, "admin-shell-id", "alice: bash -> sh -c id -> id (a shell under a login, not under a web server)", r -> {
            Event sh = r.rec(r.f.execve(alice(r).bash(), "/bin/sh", "-c", "id"));
            r.rec(r.f.execve(sh.thread(), "/usr/bin/id"));
        });
        add(all, x, "nginx-bash-whoami", "a web shell behind nginx in a container: nginx worker -> bash -c whoami -> whoami", r -> {
            ContainerShell c = container(r, "web", "docker.io/library/nginx:1.27");
            ThreadInfo worker = webWorker(r, c.init(), "/usr/sbin/nginx", "-g", "daemon off;");
            Event bash = r.rec(r.f.execve(worker, "/bin/bash", "-c", "whoami"));
            r.rec(r.f.execve(bash.thread(), "/usr/bin/whoami"));
        });
        add(all, x, "nginx-sh-only", "an nginx worker starts sh -c with a builtin only (the shell runs no program)", r -> {
            ContainerShell c = container(r, "web", "docker.io/library/nginx:1.27");
            ThreadInfo worker = webWorker(r, c.init(), "/usr/sbin/nginx", "-g", "daemon off;");
            r.rec(r.f.execve(worker, "/bin/sh", "-c", "echo ok"));
        });
    }
}
