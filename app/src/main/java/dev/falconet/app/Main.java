package dev.falconet.app;

import dev.falconet.cli.FalconetCli;
import picocli.CommandLine;

/**
 * Entry point of {@code ./falconet}: with no arguments it opens the desktop app; with arguments it
 * runs the headless command line (the sensor's commands plus the lab's).
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("falconet: the desktop app is not built yet. Run './falconet --help' for the commands.");
            System.exit(FalconetCli.EXIT_USAGE);
        }
        CommandLine cl = FalconetCli.commandLine();
        cl.addSubcommand(new dev.falconet.app.cli.LabCommand());
        System.exit(cl.execute(args));
    }
}
