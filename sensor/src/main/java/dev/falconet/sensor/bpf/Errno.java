package dev.falconet.sensor.bpf;

/** Names and short texts of the errno values BPF calls return. */
public final class Errno {
    public static final int EPERM = 1;
    public static final int ENOENT = 2;
    public static final int E2BIG = 7;
    public static final int ENOMEM = 12;
    public static final int EACCES = 13;
    public static final int EINVAL = 22;
    public static final int ENOSPC = 28;
    public static final int ENOTSUP = 95;
    public static final int ESRCH = 3;

    private Errno() {}

    public static String describe(int errno) {
        return switch (errno) {
            case EPERM -> "EPERM (operation not permitted)";
            case ENOENT -> "ENOENT (no such entry)";
            case ESRCH -> "ESRCH (no such target: the kernel lacks this hook or BTF type)";
            case E2BIG -> "E2BIG (program too large)";
            case ENOMEM -> "ENOMEM (out of memory)";
            case EACCES -> "EACCES (rejected by the verifier)";
            case EINVAL -> "EINVAL (invalid argument)";
            case ENOSPC -> "ENOSPC (no space)";
            case ENOTSUP -> "ENOTSUP (not supported by this kernel)";
            default -> "errno " + errno;
        };
    }
}
