package dev.falconet.cli;

import dev.falconet.capture.CaptureException;
import dev.falconet.capture.EventSource;
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
            description = "The capture to replay: a Falconet JSON Lines capture or a Falco/sysdig .scap file (plain or gzip).")
    Path capture;

    @Option(names = "--bench", description = {"Measure instead of printing alerts: one warm-up pass, then timed passes over the capture",
            "(read, state, rules; one thread) and one line: events=N seconds=S events_per_s=R rule_evals_per_event=E."})
    boolean bench;

    @Option(names = "--bench-passes", paramLabel = "N", defaultValue = "3", description = "Timed passes with --bench (default 3).")
    int benchPasses;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        EngineOptions options = rules.engineOptions();
        RuleEngine engine = rules.loadOrReport(options, err);
        if (engine == null) return FalconetCli.EXIT_FINDINGS;
        if (bench) return ReplayBench.run(engine, capture, benchPasses, spec.commandLine().getOut(), err);
        try (Outputs sink = outputs.open(); EventSource reader = EventSource.open(capture, t -> engine.candidates(t) > 0)) {
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
