package dev.falconet.lab.exec;

import dev.falconet.lab.LabException;
import dev.falconet.lab.LabLog;
import dev.falconet.lab.process.CommandResult;
import dev.falconet.lab.process.CommandRunner;
import dev.falconet.lab.process.ToolCommand;
import dev.falconet.lab.process.ToolNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link PodExec} through the {@code kubectl} binary: the fallback when the API client cannot open an
 * exec stream, and exactly the command the lab teaches. kubectl exits with the remote command's exit
 * code; its own failures are told apart by their {@code Error from server} / {@code error:} lines.
 */
public final class KubectlPodExec implements PodExec {
    private static final Pattern NOT_FOUND = Pattern.compile("Error from server \\(NotFound\\): (\\S+) \"([^\"]+)\" not found");

    private final CommandRunner runner;

    public KubectlPodExec(CommandRunner runner) {
        this.runner = runner;
    }

    @Override
    public ExecResult exec(ExecRequest req, LabLog log) {
        var argv = new ArrayList<>(List.of("kubectl", "exec"));
        if (req.tty()) argv.add("-t");
        argv.addAll(List.of("-n", req.namespace(), req.target()));
        if (req.container() != null) argv.addAll(List.of("-c", req.container()));
        argv.add("--");
        argv.addAll(req.command());
        ToolCommand cmd = new ToolCommand(argv);
        log.equivalent(cmd.display());
        CommandResult r = run(cmd, req.timeout());
        if (r.timedOut()) return new ExecResult(req.target(), -1, r.stdout(), r.stderr(), true);
        kubectlError(r, "exec in " + req.namespace() + "/" + req.target());
        return new ExecResult(req.target(), r.exitCode(), r.stdout(), r.stderr(), false);
    }

    @Override
    public void copyInto(String namespace, String target, String container, Path local, String remotePath, LabLog log) {
        if (!Files.isRegularFile(local)) throw new LabException("cannot copy " + local + ": no such file");
        var argv = new ArrayList<>(List.of("kubectl", "cp", local.toString(), namespace + "/" + target + ":" + remotePath));
        if (container != null) argv.addAll(List.of("-c", container));
        ToolCommand cmd = new ToolCommand(argv);
        log.equivalent(cmd.display());
        CommandResult r = run(cmd, Duration.ofMinutes(2));
        if (r.timedOut()) throw new LabException(cmd.display() + " did not finish in 2 minutes");
        kubectlError(r, "copy into " + namespace + "/" + target);
        if (r.exitCode() != 0) throw new LabException(cmd.display() + " failed: " + r.combinedOutput());
    }

    private CommandResult run(ToolCommand cmd, Duration timeout) {
        try {
            return runner.run(cmd, timeout);
        } catch (ToolNotFoundException e) {
            throw new LabException("kubectl is not installed: install it (https://kubernetes.io/docs/tasks/tools/) "
                    + "or use 'minikube kubectl --'", e);
        }
    }

    /** Throws when the output shows kubectl itself failed (not the command in the pod). */
    private static void kubectlError(CommandResult r, String what) {
        if (r.exitCode() == 0) return;
        String err = r.stderr().strip();
        Matcher m = NOT_FOUND.matcher(err);
        if (m.find()) throw new LabException(what + ": " + m.group(1) + " \"" + m.group(2) + "\" not found");
        for (String line : err.split("\n")) {
            if (line.startsWith("Error from server") || line.startsWith("error:")
                    || line.startsWith("The connection to the server")) {
                throw new LabException(what + ": " + line);
            }
        }
    }
}
