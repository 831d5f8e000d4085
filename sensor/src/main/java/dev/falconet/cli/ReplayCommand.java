package dev.falconet.cli;

import dev.falconet.capture.CaptureException;
import dev.falconet.capture.CaptureReader;
import dev.falconet.engine.EngineOptions;
import dev.falconet.engine.RuleEngine;
import dev.falconet.event.Event;
import dev.falconet.output.OutputOptions;
import dev.falconet.output.Outputs;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code falconet replay}: runs a recorded capture through the rules, printing alerts as Falco does. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Replay a recorded capture through the rules and print the alerts.",
                "One alert per line, as Falco's text line or Falco's JSON alert (--json); the same engine and field extractors as the live sensor."},
        footer = {"", "Exit codes: 0 ok (with or without alerts), 1 bad rules or capture, 2 usage."})
public final class ReplayCommand implements Callable<Integer> {
    @Mixin
    RulesOptions rules;

    @Mixin
    OutputOptions outputs;

    @Option(names = {"-e", "--events"}, paramLabel = "CAPTURE", required = true,
            description = "The capture to replay (Falconet JSON Lines capture).")
    Path capture;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        EngineOptions options = rules.engineOptions();
        RuleEngine engine = rules.loadOrReport(options, err);
        if (engine == null) return FalconetCli.EXIT_FINDINGS;
        try (Outputs sink = outputs.open(); CaptureReader reader = CaptureReader.open(capture)) {
            Event e;
            while ((e = reader.next()) != null) engine.process(e, sink::accept);
        } catch (CaptureException e) {
            err.println("falconet replay: " + e.getMessage());
            err.flush();
            return FalconetCli.EXIT_FINDINGS;
        }
        return FalconetCli.EXIT_OK;
    }
}
