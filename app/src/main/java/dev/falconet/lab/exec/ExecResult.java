package dev.falconet.lab.exec;

/**
 * What a command run in a pod did.
 *
 * @param pod      the pod it ran in
 * @param exitCode its exit code; -1 when it timed out
 * @param stdout   its standard output
 * @param stderr   its standard error (merged into stdout when a TTY was used)
 * @param timedOut true when it was still running at the timeout and was abandoned
 */
public record ExecResult(String pod, int exitCode, String stdout, String stderr, boolean timedOut) {
    public boolean ok() {
        return exitCode == 0 && !timedOut;
    }
}
