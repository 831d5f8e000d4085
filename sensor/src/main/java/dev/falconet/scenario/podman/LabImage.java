package dev.falconet.scenario.podman;

import dev.falconet.scenario.run.ScenarioException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The image the podman backend runs the scenarios' pods and containers from, built on this machine with no
 * registry: busybox-static for a shell and the small tools, the host's own programs (coreutils {@code cat},
 * {@code ln}, {@code touch} ... and whatever program a step runs) with their shared libraries, and the files
 * the lab's scenarios touch ({@code /etc/shadow}, {@code /etc/pam.d/passwd} ...). The tag is a hash of
 * its content list, so a changed list builds a new image and an unchanged one is reused.
 */
final class LabImage {
    /** The image's repository; its tag is the content hash. */
    static final String REPOSITORY = "localhost/falconet-scenario-lab";
    /** Host programs every lab image carries (when the host has them). */
    static final List<String> BASE_PROGRAMS = List.of("cat", "ln", "touch", "cp", "mv", "rm", "mkdir", "chmod", "chown",
            "ls", "head", "tail", "find", "grep", "sed", "id", "env", "dd", "base64", "bash", "stat", "readlink", "date");
    /** Bump when the rootfs layout below changes. */
    private static final String LAYOUT = "1";

    private LabImage() {}

    /** The busybox-static binary, or null when absent. */
    static Path busybox() {
        for (String p : List.of("/bin/busybox", "/usr/bin/busybox")) if (Files.isExecutable(Path.of(p))) return Path.of(p);
        return null;
    }

    /** The image for these extra programs (besides the base ones): built now unless it exists already. */
    static String ensure(Podman podman, Set<String> extraPrograms) throws ScenarioException {
        Path busybox = busybox();
        if (busybox == null) throw new ScenarioException("busybox-static is not installed: the lab image is built from it (apt-get install busybox-static)");
        TreeSet<String> programs = new TreeSet<>(BASE_PROGRAMS);
        programs.addAll(extraPrograms);
        List<Path> found = new ArrayList<>();
        for (String p : programs) HostBinaries.find(p).ifPresent(found::add);
        String tag = REPOSITORY + ":" + hash(found);
        if (podman.run(60, "image", "exists", tag).exit() == 0) return tag;
        Path root = podman.work().resolve("rootfs");
        try {
            build(root, busybox, found);
        } catch (IOException e) {
            throw new ScenarioException("cannot build the lab image's root file system in " + root + ": " + e.getMessage(), e);
        }
        Podman.Result r = podman.exec(List.of("sh", "-c", "tar -C '" + root + "' -c . | podman import - " + tag), 300);
        if (r.exit() != 0) throw new ScenarioException("podman import of the lab image failed: " + r.out().strip());
        return tag;
    }

    private static void build(Path root, Path busybox, List<Path> programs) throws IOException {
        for (String d : List.of("bin", "sbin", "usr/bin", "usr/sbin", "usr/local/bin", "etc/pam.d", "etc/sudoers.d", "root", "tmp", "var/tmp", "home/ubuntu"))
            Files.createDirectories(root.resolve(d));
        Files.copy(busybox, root.resolve("bin/busybox"), StandardCopyOption.REPLACE_EXISTING);
        Set<String> hostNames = new TreeSet<>();
        for (Path p : programs) hostNames.add(p.getFileName().toString());
        for (String applet : applets(busybox)) {
            if (applet.equals("busybox") || hostNames.contains(applet)) continue;
            Path link = root.resolve("bin").resolve(applet);
            if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) Files.createSymbolicLink(link, Path.of("busybox"));
        }
        for (Path p : programs) {
            copyInto(root, p);
            for (Path lib : HostBinaries.libraries(p)) copyInto(root, lib);
        }
        write(root, "etc/passwd", """
                root:x:0:0:root:/root:/bin/sh
                daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
                nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
                tcpdump:x:104:107::/nonexistent:/usr/sbin/nologin
                ubuntu:x:1000:1000:Ubuntu:/home/ubuntu:/bin/sh
                """);
        write(root, "etc/group", "root:x:0:\ndaemon:x:1:\nshadow:x:42:\ntcpdump:x:107:\nubuntu:x:1000:\nnogroup:x:65534:\n");
        write(root, "etc/shadow", "root:*:19000:0:99999:7:::\nubuntu:!:19000:0:99999:7:::\n");
        write(root, "etc/gshadow", "root:*::\n");
        write(root, "etc/sudoers", "root ALL=(ALL:ALL) ALL\n");
        write(root, "etc/pam.d/passwd", "#\n# The PAM configuration file for the Shadow 'passwd' service\n#\n@include common-password\n");
        write(root, "etc/pam.d/common-password", "password [success=1 default=ignore] pam_unix.so obscure yescrypt\n");
        write(root, "etc/hostname", "falconet-lab\n");
        write(root, "etc/os-release", "NAME=\"Falconet lab (busybox)\"\nID=falconet-lab\n");
    }

    /** Copies a host file into the root at the same path, following symbolic links. */
    static void copyInto(Path root, Path hostFile) throws IOException {
        Path dest = root.resolve(hostFile.toString().substring(1));
        Files.createDirectories(dest.getParent());
        Files.copy(hostFile, dest, StandardCopyOption.REPLACE_EXISTING);
    }

    private static List<String> applets(Path busybox) throws IOException {
        Process p = new ProcessBuilder(busybox.toString(), "--list").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return out.lines().map(String::strip).filter(s -> !s.isEmpty() && !s.contains("/")).toList();
    }

    private static void write(Path root, String rel, String text) throws IOException {
        Files.writeString(root.resolve(rel), text);
    }

    private static String hash(List<Path> programs) throws ScenarioException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(LAYOUT.getBytes(StandardCharsets.UTF_8));
            for (Path p : programs) {
                md.update(p.toString().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(Long.toString(Files.size(p)).getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new ScenarioException("cannot hash the lab image's content: " + e.getMessage(), e);
        }
    }
}
