package dev.falconet.event;

/** The kind of a syscall parameter; decides how it is stored in captures and how fields read it. */
public enum ArgType {
    /** A signed integer (return values, pids, uids, sizes). */
    INT,
    /** A file descriptor number. */
    FD,
    /** Flags or an enumeration, with a symbolic rendering. */
    FLAGS,
    /** Text. */
    CHARBUF,
    /** A filesystem path. */
    FSPATH,
    /** Raw bytes (data buffers). */
    BYTEBUF,
    /** A socket address or tuple, rendered as text ("1.2.3.4:80", "1.2.3.4:5->5.6.7.8:80"). */
    SOCKADDR
}
