package dev.falconet.capture;

/** A capture that cannot be read or written; the message names the file and line and what is wrong. */
public final class CaptureException extends RuntimeException {
    public CaptureException(String message) {
        super(message);
    }

    public CaptureException(String message, Throwable cause) {
        super(message, cause);
    }
}
