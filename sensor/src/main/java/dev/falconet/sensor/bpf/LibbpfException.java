package dev.falconet.sensor.bpf;

import java.util.List;

/** A libbpf call failed: the call, the errno and what libbpf logged (verifier output included). */
public final class LibbpfException extends RuntimeException {
    private final int errno;
    private final List<String> log;

    public LibbpfException(String message, int errno, List<String> log) {
        super(message);
        this.errno = errno;
        this.log = List.copyOf(log);
    }

    public int errno() { return errno; }

    /** libbpf's log lines around the failure, oldest first. */
    public List<String> log() { return log; }
}
