package dev.falconet.lab;

/**
 * A lab action failed for a reason the user can act on. The message says what failed and what to do;
 * the CLI prints it as is, without a stack trace.
 */
public class LabException extends RuntimeException {
    public LabException(String message) {
        super(message);
    }

    public LabException(String message, Throwable cause) {
        super(message, cause);
    }
}
