package dev.falconet.app;

import dev.falconet.app.ui.Launcher;
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
            Launcher.main(args);
            return;
        }
        CommandLine cl = FalconetCli.commandLine();
        cl.addSubcommand(new dev.falconet.app.cli.LabCommand());
        cl.addSubcommand(new dev.falconet.app.scenario.ScenarioCommand());
        System.exit(cl.execute(args));
    }
}
