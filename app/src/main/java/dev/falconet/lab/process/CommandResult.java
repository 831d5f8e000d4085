package dev.falconet.lab.process;

/**
 * What an external command did.
 *
 * @param command  the command that ran
 * @param exitCode its exit code; -1 when it was killed on timeout
 * @param stdout   everything it wrote on stdout
 * @param stderr   everything it wrote on stderr
 * @param timedOut true when it was killed because it ran past its timeout
 */
public record CommandResult(ToolCommand command, int exitCode, String stdout, String stderr, boolean timedOut) {
    public boolean ok() {
        return exitCode == 0 && !timedOut;
    }

    /** stdout and stderr, trimmed and joined: what to show a user when the command failed. */
    public String combinedOutput() {
        String o = stdout.strip();
        String e = stderr.strip();
        if (o.isEmpty()) return e;
        if (e.isEmpty()) return o;
        return o + "\n" + e;
    }
}
