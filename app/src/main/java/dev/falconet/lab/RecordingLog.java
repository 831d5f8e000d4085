package dev.falconet.lab;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link LabLog} that keeps the equivalents of one action (for its result and for {@code --json})
 * and forwards everything to another log (the CLI's terminal, the UI).
 */
public final class RecordingLog implements LabLog {
    private final LabLog forward;
    private final List<String> equivalents = new ArrayList<>();

    public RecordingLog(LabLog forward) {
        this.forward = forward;
    }

    @Override
    public synchronized void equivalent(String command) {
        equivalents.add(command);
        forward.equivalent(command);
    }

    @Override
    public void progress(String line) {
        forward.progress(line);
    }

    /** The equivalents recorded so far, in order. */
    public synchronized List<String> equivalents() {
        return List.copyOf(equivalents);
    }
}
