package dev.falconet.fields;

/** Linux capability names by bit, rendered the way libsinsp prints capability sets: {@code CAP_CHOWN CAP_DAC_OVERRIDE ...}. */
public final class Capabilities {
    private Capabilities() {}

    private static final String[] NAMES = {
        "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER", "CAP_FSETID", "CAP_KILL",
        "CAP_SETGID", "CAP_SETUID", "CAP_SETPCAP", "CAP_LINUX_IMMUTABLE", "CAP_NET_BIND_SERVICE",
        "CAP_NET_BROADCAST", "CAP_NET_ADMIN", "CAP_NET_RAW", "CAP_IPC_LOCK", "CAP_IPC_OWNER", "CAP_SYS_MODULE",
        "CAP_SYS_RAWIO", "CAP_SYS_CHROOT", "CAP_SYS_PTRACE", "CAP_SYS_PACCT", "CAP_SYS_ADMIN", "CAP_SYS_BOOT",
        "CAP_SYS_NICE", "CAP_SYS_RESOURCE", "CAP_SYS_TIME", "CAP_SYS_TTY_CONFIG", "CAP_MKNOD", "CAP_LEASE",
        "CAP_AUDIT_WRITE", "CAP_AUDIT_CONTROL", "CAP_SETFCAP", "CAP_MAC_OVERRIDE", "CAP_MAC_ADMIN", "CAP_SYSLOG",
        "CAP_WAKE_ALARM", "CAP_BLOCK_SUSPEND", "CAP_AUDIT_READ", "CAP_PERFMON", "CAP_BPF", "CAP_CHECKPOINT_RESTORE"
    };

    /** Every capability the kernel knows (bits 0..40): what a root process on the host holds. */
    public static final long ALL = (1L << NAMES.length) - 1;

    /** The default set a container runtime grants (docker/podman defaults). */
    public static final long CONTAINER_DEFAULT = bits("CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FOWNER", "CAP_FSETID",
            "CAP_KILL", "CAP_SETGID", "CAP_SETUID", "CAP_SETPCAP", "CAP_NET_BIND_SERVICE", "CAP_NET_RAW",
            "CAP_SYS_CHROOT", "CAP_MKNOD", "CAP_AUDIT_WRITE", "CAP_SETFCAP");

    /** The set as text: names in bit order separated by one space; "" for an empty set. */
    public static String render(long set) {
        if (set == 0) return "";
        StringBuilder sb = new StringBuilder(set == ALL ? 700 : 64);
        for (int i = 0; i < 64; i++) {
            if ((set & (1L << i)) == 0) continue;
            if (!sb.isEmpty()) sb.append(' ');
            sb.append(i < NAMES.length ? NAMES[i] : "CAP_" + i);
        }
        return sb.toString();
    }

    /** The bit mask of these capability names. */
    public static long bits(String... names) {
        long set = 0;
        for (String n : names) {
            int bit = bit(n);
            if (bit < 0) throw new IllegalArgumentException("unknown capability " + n);
            set |= 1L << bit;
        }
        return set;
    }

    /** The bit of a capability name ({@code CAP_SYS_ADMIN -> 21}), or -1. */
    public static int bit(String name) {
        for (int i = 0; i < NAMES.length; i++) if (NAMES[i].equals(name)) return i;
        return -1;
    }
}
