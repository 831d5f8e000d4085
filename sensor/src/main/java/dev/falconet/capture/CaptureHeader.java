package dev.falconet.capture;

import java.time.Instant;
import java.util.Objects;

/**
 * The first line of a capture file.
 *
 * @param version  format version ({@link #VERSION})
 * @param hostname the machine the events were recorded on
 * @param created  when the capture was written (ISO 8601)
 * @param source   what produced it: "sensor" (live eBPF capture), "synthetic" (the event factory), a scenario name ...
 */
public record CaptureHeader(int version, String hostname, String created, String source) {
    /** The {@code format} value every capture's header carries. */
    public static final String FORMAT = "falconet-capture";
    /** The version this code writes and reads. */
    public static final int VERSION = 1;

    public CaptureHeader {
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(source, "source");
    }

    /** A header for a capture written now. */
    public static CaptureHeader now(String hostname, String source) {
        return new CaptureHeader(VERSION, hostname, Instant.now().toString(), source);
    }
}
