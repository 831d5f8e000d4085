package dev.falconet.app.cli;

import dev.falconet.cli.FalconetCli;
import dev.falconet.lab.Lab;
import dev.falconet.lab.LabException;
import dev.falconet.lab.LabLog;
import java.io.PrintWriter;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code falconet lab ...}: the Kubernetes lab from the command line, for instructors and scripts.
 * Every subcommand prints the minikube/kubectl/helm commands it stands for (on stderr, as {@code $ ...}).
 */
@Command(name = "lab",
        mixinStandardHelpOptions = true,
        description = {"Run the Kubernetes lab: a minikube cluster with the lab's application, our sensor, and the real Falco "
                + "for comparison.",
                "Each step prints the minikube/kubectl/helm command it stands for (on stderr, as '$ ...')."},
        subcommands = {LabStatusCommand.class, LabUpCommand.class, LabDeployCommand.class, LabExecCommand.class,
                LabDownCommand.class, LabFalcoCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 errors (or not ready / command failed), 2 usage."})
public final class LabCommand implements Runnable {
    private final Supplier<Lab> labFactory;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The lab on this machine. */
    public LabCommand() {
        this(Lab::onThisMachine);
    }

    /** A lab built by the given factory (tests pass scripted tools and a mock cluster). */
    public LabCommand(Supplier<Lab> labFactory) {
        this.labFactory = labFactory;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing lab command (status, up, deploy, exec, down, falco)");
    }

    /** What a lab subcommand does with the lab; returns the exit code. */
    @FunctionalInterface
    interface LabAction {
        int run(Lab lab, LabLog log, PrintWriter out) throws Exception;
    }

    /** Runs a subcommand: builds the lab, turns {@link LabException}s into one clear line and exit code 1. */
    int execute(CommandLine sub, boolean quiet, LabAction action) {
        PrintWriter out = sub.getOut();
        PrintWriter err = sub.getErr();
        String name = sub.getCommandSpec().qualifiedName();
        try (Lab lab = labFactory.get()) {
            int code = action.run(lab, new TerminalLog(err, quiet), out);
            out.flush();
            return code;
        } catch (LabException e) {
            out.flush();
            err.println(name + ": " + e.getMessage());
            err.flush();
            return FalconetCli.EXIT_FINDINGS;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println(name + ": interrupted");
            return FalconetCli.EXIT_FINDINGS;
        } catch (Exception e) {
            err.println(name + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return FalconetCli.EXIT_FINDINGS;
        }
    }
}
