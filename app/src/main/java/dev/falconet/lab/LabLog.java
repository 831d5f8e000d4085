package dev.falconet.lab;

/**
 * Where lab actions report what they do while they do it: the command-line equivalent of each step
 * (so the app can teach {@code kubectl}/{@code minikube}/{@code helm}) and progress lines as they come.
 */
public interface LabLog {
    /** The shell command this step stands for, e.g. {@code kubectl apply -f lab-manifests/prod.yaml}. */
    void equivalent(String command);

    /** One line of progress (a tool's output line, or a status line of our own). */
    void progress(String line);

    /** A log that drops everything. */
    LabLog SILENT = new LabLog() {
        @Override public void equivalent(String command) {}
        @Override public void progress(String line) {}
    };
}
