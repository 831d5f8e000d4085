package dev.falconet.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The headless command line: {@code falconet <command> ...}. Each command is its own class in this
 * package (or in the app module, which adds the lab and scenario commands); this class only lists them.
 *
 * <p>Exit codes, for every command: 0 ok, 1 findings or errors, 2 usage.
 */
@Command(name = "falconet",
        mixinStandardHelpOptions = true,
        versionProvider = FalconetCli.Version.class,
        description = "Falconet: a runtime-security lab with a Falco-compatible rule engine and an eBPF sensor.",
        subcommands = {
                CommandLine.HelpCommand.class,
                ValidateCommand.class,
                ReplayCommand.class,
                ExplainCommand.class,
                ConvertCommand.class,
                FieldsCommand.class,
                ReceiveCommand.class,
                TelegramCommand.class,
                SensorCommand.class,
                K8sMetaCommand.class,
                ExerciseCommand.class,
        },
        footer = {"", "Exit codes: 0 ok, 1 findings or errors, 2 usage."})
public final class FalconetCli implements Runnable {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FINDINGS = 1;
    public static final int EXIT_USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command");
    }

    /** The command line with every sensor-module command, ready for the app to add its own. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new FalconetCli());
        cl.setExitCodeExceptionMapper(t -> EXIT_FINDINGS);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("falconet: " + ex.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help'.");
            return EXIT_USAGE;
        });
        return cl;
    }

    /** Entry point of the sensor jar alone (the in-cluster image runs this). */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = FalconetCli.class.getPackage().getImplementationVersion();
            return new String[] {"falconet " + (v == null ? "dev" : v)};
        }
    }
}
