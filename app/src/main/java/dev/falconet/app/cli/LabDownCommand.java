package dev.falconet.app.cli;

import dev.falconet.cli.FalconetCli;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code falconet lab down}: stop (or delete) the cluster. */
@Command(name = "down", mixinStandardHelpOptions = true,
        description = "Stop the minikube cluster (keeps its state), or delete it with --delete.")
final class LabDownCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    LabCommand parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--delete", description = "Delete the cluster and everything in it (a fresh start next time).")
    boolean delete;

    @Override
    public Integer call() {
        return parent.execute(spec.commandLine(), false, (lab, log, out) -> {
            lab.down(delete, log);
            out.println(delete ? "The lab cluster is deleted." : "The lab cluster is stopped ('falconet lab up' restarts it).");
            return FalconetCli.EXIT_OK;
        });
    }
}
