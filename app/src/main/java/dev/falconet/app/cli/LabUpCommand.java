package dev.falconet.app.cli;

import dev.falconet.cli.FalconetCli;
import dev.falconet.lab.kube.AppliedObject;
import dev.falconet.lab.minikube.StartOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code falconet lab up}: start minikube, apply the lab's application, wait until it runs. */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Start (or restart) the minikube cluster, apply lab-manifests/secured-ns.yaml and prod.yaml, "
                + "and wait until their pods run.")
final class LabUpCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    LabCommand parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--driver", description = "minikube driver (docker, podman, kvm2). Default: the one 'lab status' found.")
    String driver;

    @Option(names = "--cpus", defaultValue = "2", description = "CPUs for the node (default: ${DEFAULT-VALUE}).")
    int cpus;

    @Option(names = "--memory", defaultValue = "4096", description = "Memory for the node in MiB (default: ${DEFAULT-VALUE}).")
    int memoryMb;

    @Option(names = "--kubernetes-version", description = "Kubernetes version, e.g. v1.32.0. Default: minikube's.")
    String kubernetesVersion;

    @Option(names = "--timeout", defaultValue = "5m", converter = DurationConverter.class,
            description = "How long to wait for the lab's pods (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--json", description = "Print the applied objects as JSON on stdout.")
    boolean json;

    @Override
    public Integer call() {
        return parent.execute(spec.commandLine(), false, (lab, log, out) -> {
            var rec = new dev.falconet.lab.RecordingLog(log);
            List<AppliedObject> applied = lab.up(new StartOptions(driver, kubernetesVersion, cpus, memoryMb), timeout, rec);
            if (json) {
                out.println(Json.write(Map.of("applied", applied, "equivalents", rec.equivalents())));
            } else {
                out.println("The lab is up: " + applied.size() + " objects applied, pods running.");
                out.println("Next: 'falconet lab deploy' (our sensor), 'falconet lab exec -n secured-ns deployment/ubuntu-deployment -- cat /etc/shadow'.");
            }
            return FalconetCli.EXIT_OK;
        });
    }
}
