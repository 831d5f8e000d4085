package dev.falconet.lab.exec;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A command to run inside a pod.
 *
 * @param namespace namespace of the pod
 * @param target    a pod name, or {@code deployment/<name>} (or {@code deploy/<name>}) for one of its pods
 * @param container container name, or null for the pod's first container
 * @param command   the command and its arguments (no shell unless the command is one)
 * @param timeout   how long to wait before giving up
 * @param tty       allocate a TTY (off by default: output stays clean and exit codes stay real)
 */
public record ExecRequest(String namespace, String target, String container, List<String> command, Duration timeout,
                          boolean tty) {
    public ExecRequest {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(target, "target");
        command = List.copyOf(command);
        if (command.isEmpty()) throw new IllegalArgumentException("no command to run");
        Objects.requireNonNull(timeout, "timeout");
    }

    public static ExecRequest of(String namespace, String target, Duration timeout, String... command) {
        return new ExecRequest(namespace, target, null, List.of(command), timeout, false);
    }

    /** The kubectl command this exec stands for. */
    public String kubectlEquivalent(String pod) {
        var sb = new StringBuilder("kubectl exec");
        if (tty) sb.append(" -it");
        sb.append(" -n ").append(namespace).append(' ').append(pod);
        if (container != null) sb.append(" -c ").append(container);
        sb.append(" --");
        var cmd = new dev.falconet.lab.process.ToolCommand(command);
        sb.append(' ').append(cmd.display());
        return sb.toString();
    }
}
