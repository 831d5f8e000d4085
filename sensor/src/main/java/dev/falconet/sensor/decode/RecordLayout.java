package dev.falconet.sensor.decode;

import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * Offsets of the probe's ring records, mirroring {@code sensor/src/main/bpf/records.h}
 * (which checks the sizes with static asserts). Little endian throughout.
 */
public final class RecordLayout {
    private RecordLayout() {}

    static final ValueLayout.OfShort U16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfInt U32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfLong U64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    public static final int REC_SYSCALL = 1;
    public static final int REC_EXEC = 2;
    public static final int REC_FORK = 3;
    public static final int REC_EXIT = 4;

    // struct rec_hdr
    public static final int TS = 0;
    public static final int TID = 8;
    public static final int PID = 12;
    public static final int KIND = 16;
    public static final int NR = 18;
    public static final int LEN = 20;
    public static final int RES = 24;
    public static final int ARGS = 32;
    public static final int EUID = 80;
    public static final int EGID = 84;
    public static final int HEADER = 88;

    // struct blob_hdr
    public static final int BLOB_TAG = 0;
    public static final int BLOB_KIND = 1;
    public static final int BLOB_LEN = 2;
    public static final int BLOB_HEADER = 4;

    // argument kinds (struct sys_cfg.kind)
    public static final int ARG_NONE = 0;
    public static final int ARG_STR = 1;
    public static final int ARG_SOCKADDR = 2;
    public static final int ARG_SOCKADDR_LENP = 3;
    public static final int ARG_TUPLE_FD = 4;
    public static final int ARG_TUPLE_RES = 5;
    public static final int ARG_INT_PAIR = 6;
    public static final int ARG_OPEN_HOW = 7;
    public static final int ARG_FILE_RES = 8;
    public static final int ARG_FILE_FD = 9;

    // struct sys_cfg.flags
    public static final int SYS_ENABLED = 1;
    public static final int SYS_STR_ON_FAILURE = 2;

    // exec blob tags
    public static final int BLOB_FILENAME = 100;
    public static final int BLOB_ARGS = 101;
    /** The exec info's path-complete value for a file with no directory (a memfd): one component, its name. */
    public static final int EXE_PATH_PSEUDO = 2;
    public static final int BLOB_EXE_DENTRY = 102;
    public static final int BLOB_CGROUP = 103;
    public static final int BLOB_CGROUP2 = 104;
    public static final int BLOB_EXEC_INFO = 105;

    // struct exec_info
    public static final int EI_EXE_FLAGS = 0;
    public static final int EI_LOGINUID = 4;
    public static final int EI_TTY_MAJOR = 8;
    public static final int EI_TTY_MINOR = 12;
    public static final int EI_EXE_INO = 16;
    public static final int EI_CTIME = 24;
    public static final int EI_MTIME = 32;
    public static final int EI_CAP_EFF = 40;
    public static final int EI_CAP_PRM = 48;
    public static final int EI_CAP_INH = 56;
    public static final int EI_START = 64;
    public static final int EI_PPID = 72;
    public static final int EI_UID = 76;
    public static final int EI_GID = 80;
    public static final int EI_PATH_COMPLETE = 84;
    public static final int EI_COMM = 88;
    public static final int EXEC_INFO = 104;

    // struct tuple_info
    public static final int T_FAMILY = 0;
    public static final int T_PROTO = 2;
    public static final int T_TYPE = 4;
    public static final int T_LPORT = 6;
    public static final int T_RPORT = 8;
    public static final int T_LADDR = 12;
    public static final int T_RADDR = 28;
    public static final int TUPLE = 44;

    // struct file_info
    public static final int F_INO = 0;
    public static final int F_DEV = 8;
    public static final int F_FLAGS = 12;
    public static final int FILE_INFO = 16;
}
