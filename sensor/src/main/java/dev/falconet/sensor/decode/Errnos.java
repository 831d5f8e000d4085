package dev.falconet.sensor.decode;

/** errno names, for rendering negative return values as libsinsp does ({@code -2(ENOENT)}). */
public final class Errnos {
    private static final String[] NAMES = {null, "EPERM", "ENOENT", "ESRCH", "EINTR", "EIO", "ENXIO", "E2BIG",
            "ENOEXEC", "EBADF", "ECHILD", "EAGAIN", "ENOMEM", "EACCES", "EFAULT", "ENOTBLK", "EBUSY", "EEXIST",
            "EXDEV", "ENODEV", "ENOTDIR", "EISDIR", "EINVAL", "ENFILE", "EMFILE", "ENOTTY", "ETXTBSY", "EFBIG",
            "ENOSPC", "ESPIPE", "EROFS", "EMLINK", "EPIPE", "EDOM", "ERANGE", "EDEADLK", "ENAMETOOLONG", "ENOLCK",
            "ENOSYS", "ENOTEMPTY", "ELOOP"};

    /** Renderings of the common small results (fds, byte counts): no string per event for them. */
    private static final String[] SMALL = new String[1024];
    static {
        for (int i = 0; i < SMALL.length; i++) SMALL[i] = Integer.toString(i);
    }

    private Errnos() {}

    /** The name of a positive errno, or null when not in the table. */
    public static String name(long errno) {
        if (errno == 95) return "EOPNOTSUPP";
        if (errno == 97) return "EAFNOSUPPORT";
        if (errno == 111) return "ECONNREFUSED";
        if (errno == 115) return "EINPROGRESS";
        return errno > 0 && errno < NAMES.length ? NAMES[(int) errno] : null;
    }

    /** A return value as {@code evt.arg.res} renders it. */
    public static String renderRes(long res) {
        if (res >= 0) return res < SMALL.length ? SMALL[(int) res] : Long.toString(res);
        String n = name(-res);
        return n == null ? Long.toString(res) : res + "(" + n + ")";
    }
}
