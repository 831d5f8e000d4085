package dev.falconet.app.cli;

import dev.falconet.lab.LabLog;
import java.io.PrintWriter;

/**
 * Shows a lab action on the terminal: each equivalent command as {@code $ kubectl ...} and progress
 * lines indented, both on stderr so stdout stays data.
 */
final class TerminalLog implements LabLog {
    private final PrintWriter err;
    private final boolean quiet;

    TerminalLog(PrintWriter err, boolean quiet) {
        this.err = err;
        this.quiet = quiet;
    }

    @Override
    public void equivalent(String command) {
        if (quiet) return;
        err.println("$ " + command);
        err.flush();
    }

    @Override
    public void progress(String line) {
        if (quiet) return;
        err.println("  " + line);
        err.flush();
    }
}
