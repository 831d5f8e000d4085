package dev.falconet.event;

/** Kinds of file descriptor, with libsinsp's names ({@code fd.type}) and type characters ({@code fd.typechar}). */
public enum FdType {
    FILE("file", 'f'),
    DIRECTORY("directory", 'd'),
    IPV4("ipv4", '4'),
    IPV6("ipv6", '6'),
    UNIX("unix", 'u'),
    PIPE("pipe", 'p'),
    EVENT("event", 'e'),
    SIGNALFD("signalfd", 's'),
    EVENTPOLL("eventpoll", 'l'),
    INOTIFY("inotify", 'i'),
    TIMERFD("timerfd", 't'),
    NETLINK("netlink", 'n'),
    FILE_V2("file", 'f'),
    BPF("bpf", 'b'),
    USERFAULTFD("userfaultfd", 'u'),
    IOURING("io_uring", 'r'),
    MEMFD("memfd", 'm'),
    PIDFD("pidfd", 'P'),
    UNKNOWN("unknown", 'o');

    private final String falcoName;
    private final char typeChar;

    FdType(String falcoName, char typeChar) {
        this.falcoName = falcoName;
        this.typeChar = typeChar;
    }

    public String falcoName() { return falcoName; }
    public char typeChar() { return typeChar; }
    public boolean isSocket() { return this == IPV4 || this == IPV6 || this == UNIX || this == NETLINK; }
    public boolean isInet() { return this == IPV4 || this == IPV6; }

    public static FdType byFalcoName(String name) {
        for (FdType t : values()) if (t.falcoName.equals(name)) return t;
        return null;
    }
}
