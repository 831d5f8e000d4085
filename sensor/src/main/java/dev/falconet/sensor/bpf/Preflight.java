package dev.falconet.sensor.bpf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What must hold before the probe can load, each with a one-line message saying what to do:
 * a probe in the jar, root, a kernel with BTF, libbpf installed.
 */
public final class Preflight {
    /** Why the sensor cannot start. {@code usage} problems exit with 2, the others with 1. */
    public record Problem(String message, boolean usage) {}

    private Preflight() {}

    public static Optional<Problem> check() {
        if (!BpfProbe.embedded())
            return Optional.of(new Problem("this build has no eBPF probe: install clang, libbpf-dev and llvm"
                    + " (apt-get install clang libbpf-dev llvm) and rebuild (./mvnw -pl sensor -am package)", false));
        if (NativeClock.geteuid() != 0)
            return Optional.of(new Problem("the sensor needs root (eBPF): run it with sudo", true));
        if (!Files.exists(Path.of("/sys/kernel/btf/vmlinux")))
            return Optional.of(new Problem("this kernel has no BTF (/sys/kernel/btf/vmlinux): the CO-RE probe needs"
                    + " a kernel built with CONFIG_DEBUG_INFO_BTF=y", false));
        try {
            Libbpf.get();
        } catch (LibbpfException e) {
            return Optional.of(new Problem(e.getMessage(), false));
        }
        return Optional.empty();
    }

    /** A one-line explanation of a load or attach failure. */
    public static String explain(LibbpfException e) {
        String hint = switch (e.errno()) {
            case Errno.EPERM -> " — the kernel refused BPF (lockdown, seccomp or missing CAP_BPF/CAP_PERFMON)";
            case Errno.EACCES, Errno.EINVAL, Errno.E2BIG -> verifierLine(e);
            case Errno.ESRCH, Errno.ENOENT -> " — the kernel lacks a hook the probe needs (tp_btf sys_exit, sched_process_*)";
            default -> "";
        };
        return "cannot start the eBPF probe: " + e.getMessage() + hint;
    }

    private static String verifierLine(LibbpfException e) {
        for (int i = e.log().size() - 1; i >= 0; i--) {
            String l = e.log().get(i);
            if (!l.startsWith("libbpf:") && !l.isBlank() && !l.startsWith("processed ")) return " — verifier: " + l.strip();
        }
        return "";
    }
}
