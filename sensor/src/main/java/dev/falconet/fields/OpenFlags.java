package dev.falconet.fields;

/**
 * Open flags as libsinsp encodes them in the {@code flags} parameter of open/openat/openat2/creat
 * (its own bit layout, not the kernel's O_* values), their rendering ({@code O_TRUNC|O_CREAT|O_WRONLY}),
 * and the execve {@code flags} parameter ({@code EXE_WRITABLE|EXE_UPPER_LAYER}).
 *
 * <p>Captures store these encoded values; the live sensor converts kernel flags with {@link #fromKernel(long)}.
 */
public final class OpenFlags {
    private OpenFlags() {}

    public static final long O_NONE = 0;
    public static final long O_RDONLY = 1;
    public static final long O_WRONLY = 1 << 1;
    public static final long O_RDWR = O_RDONLY | O_WRONLY;
    public static final long O_CREAT = 1 << 2;
    public static final long O_APPEND = 1 << 3;
    public static final long O_DSYNC = 1 << 4;
    public static final long O_EXCL = 1 << 5;
    public static final long O_NONBLOCK = 1 << 6;
    public static final long O_SYNC = 1 << 7;
    public static final long O_TRUNC = 1 << 8;
    public static final long O_DIRECT = 1 << 9;
    public static final long O_DIRECTORY = 1 << 10;
    public static final long O_LARGEFILE = 1 << 11;
    public static final long O_CLOEXEC = 1 << 12;
    public static final long O_TMPFILE = 1 << 13;
    /** Set by the driver when the open created the file. */
    public static final long O_F_CREATED = 1 << 14;
    public static final long FD_UPPER_LAYER = 1 << 15;
    public static final long FD_LOWER_LAYER = 1 << 16;

    // libsinsp's table order decides the rendering order; a matched entry consumes its bits.
    private static final String[] OPEN_NAMES = {"O_LARGEFILE", "O_DIRECTORY", "O_DIRECT", "O_TRUNC", "O_SYNC",
            "O_NONBLOCK", "O_EXCL", "O_DSYNC", "O_APPEND", "O_CREAT", "O_RDWR", "O_WRONLY", "O_RDONLY", "O_CLOEXEC",
            "O_TMPFILE", "O_F_CREATED", "FD_UPPER_LAYER", "FD_LOWER_LAYER"};
    private static final long[] OPEN_BITS = {O_LARGEFILE, O_DIRECTORY, O_DIRECT, O_TRUNC, O_SYNC, O_NONBLOCK, O_EXCL,
            O_DSYNC, O_APPEND, O_CREAT, O_RDWR, O_WRONLY, O_RDONLY, O_CLOEXEC, O_TMPFILE, O_F_CREATED, FD_UPPER_LAYER,
            FD_LOWER_LAYER};

    /** execve exe_flags. */
    public static final long EXE_WRITABLE = 1;
    public static final long EXE_UPPER_LAYER = 1 << 1;
    public static final long EXE_FROM_MEMFD = 1 << 2;
    public static final long EXE_LOWER_LAYER = 1 << 3;
    private static final String[] EXE_NAMES = {"EXE_WRITABLE", "EXE_UPPER_LAYER", "EXE_FROM_MEMFD", "EXE_LOWER_LAYER"};
    private static final long[] EXE_BITS = {EXE_WRITABLE, EXE_UPPER_LAYER, EXE_FROM_MEMFD, EXE_LOWER_LAYER};

    /** Open flags as text, e.g. {@code O_TRUNC|O_CREAT|O_WRONLY|O_CLOEXEC}; {@code O_NONE} for 0. */
    public static String render(long flags) {
        if (flags == 0) return "O_NONE";
        return renderBits(flags, OPEN_NAMES, OPEN_BITS);
    }

    /** execve flags as text, e.g. {@code EXE_WRITABLE|EXE_UPPER_LAYER}; "" for 0. */
    public static String renderExe(long flags) {
        return renderBits(flags, EXE_NAMES, EXE_BITS);
    }

    private static String renderBits(long flags, String[] names, long[] bits) {
        StringBuilder sb = new StringBuilder();
        long left = flags;
        for (int i = 0; i < names.length; i++) {
            if ((left & bits[i]) == bits[i]) {
                if (!sb.isEmpty()) sb.append('|');
                sb.append(names[i]);
                left &= ~bits[i];
            }
        }
        return sb.toString();
    }

    /** Opened for reading: O_RDONLY or O_RDWR. */
    public static boolean isRead(long flags) { return (flags & O_RDONLY) != 0; }
    /** Opened for writing: O_WRONLY or O_RDWR. */
    public static boolean isWrite(long flags) { return (flags & O_WRONLY) != 0; }

    /**
     * Converts kernel open flags (x86_64 O_* values) to this encoding, as libscap does: the access mode,
     * O_SYNC without its implied O_DSYNC bit, O_TMPFILE without its implied O_DIRECTORY bit.
     */
    public static long fromKernel(long k) {
        long f = 0;
        switch ((int) (k & 3)) {
            case 0 -> f |= O_RDONLY;
            case 1 -> f |= O_WRONLY;
            case 2 -> f |= O_RDWR;
            default -> { }
        }
        if ((k & 0100) != 0) f |= O_CREAT;
        if ((k & 0200) != 0) f |= O_EXCL;
        if ((k & 01000) != 0) f |= O_TRUNC;
        if ((k & 02000) != 0) f |= O_APPEND;
        if ((k & 04000) != 0) f |= O_NONBLOCK;
        if ((k & 04010000) == 04010000) f |= O_SYNC;
        else if ((k & 010000) != 0) f |= O_DSYNC;
        if ((k & 040000) != 0) f |= O_DIRECT;
        if ((k & 020200000) == 020200000) f |= O_TMPFILE;
        else if ((k & 0200000) != 0) f |= O_DIRECTORY;
        if ((k & 0100000) != 0) f |= O_LARGEFILE;
        if ((k & 02000000) != 0) f |= O_CLOEXEC;
        return f;
    }
}
