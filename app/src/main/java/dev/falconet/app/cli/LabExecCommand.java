package dev.falconet.app.cli;

import dev.falconet.cli.FalconetCli;
import dev.falconet.lab.RecordingLog;
import dev.falconet.lab.exec.ExecRequest;
import dev.falconet.lab.exec.ExecResult;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code falconet lab exec}: run a command in a lab pod, like {@code kubectl exec}. */
@Command(name = "exec", mixinStandardHelpOptions = true,
        description = {"Run a command in a pod of the lab, like 'kubectl exec' (no TTY unless -t).",
                "Example: falconet lab exec -n secured-ns deployment/ubuntu-deployment -- cat /etc/shadow",
                "Exits 0 when the command succeeded, 1 otherwise (its exit code is printed on stderr)."})
final class LabExecCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    LabCommand parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-n", "--namespace"}, defaultValue = "secured-ns", description = "Namespace (default: ${DEFAULT-VALUE}).")
    String namespace;

    @Option(names = {"-c", "--container"}, description = "Container name (default: the pod's first).")
    String container;

    @Option(names = {"-t", "--tty"}, description = "Allocate a TTY (stderr then arrives merged into stdout).")
    boolean tty;

    @Option(names = "--timeout", defaultValue = "60s", converter = DurationConverter.class,
            description = "Give up after this long (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--kubectl", description = "Run through the kubectl binary instead of the API client.")
    boolean viaKubectl;

    @Option(names = "--json", description = "Print pod, exit code, stdout and stderr as JSON.")
    boolean json;

    @Parameters(index = "0", paramLabel = "POD", description = "Pod name, or deployment/<name> for one of its running pods.")
    String target;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "COMMAND", description = "The command and its arguments (after --).")
    List<String> command;

    @Override
    public Integer call() {
        return parent.execute(spec.commandLine(), json, (lab, log, out) -> {
            var rec = new RecordingLog(log);
            ExecResult r = lab.exec(new ExecRequest(namespace, target, container, command, timeout, tty), viaKubectl, rec);
            var err = spec.commandLine().getErr();
            if (json) {
                var m = new LinkedHashMap<String, Object>();
                m.put("pod", r.pod());
                m.put("namespace", namespace);
                m.put("exitCode", r.exitCode());
                m.put("timedOut", r.timedOut());
                m.put("stdout", r.stdout());
                m.put("stderr", r.stderr());
                m.put("equivalents", rec.equivalents());
                out.println(Json.write(m));
            } else {
                out.print(r.stdout());
                err.print(r.stderr());
                if (r.timedOut()) err.println("falconet lab exec: still running after " + timeout.toSeconds() + " s; gave up");
                else if (r.exitCode() != 0) err.println("falconet lab exec: command exited with " + r.exitCode());
                err.flush();
            }
            return r.ok() ? FalconetCli.EXIT_OK : FalconetCli.EXIT_FINDINGS;
        });
    }
}
