package dev.falconet.cli;

import dev.falconet.capture.CaptureException;
import dev.falconet.capture.CaptureHeader;
import dev.falconet.capture.CaptureWriter;
import dev.falconet.capture.EventSource;
import dev.falconet.event.Event;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code falconet convert}: a Falco/sysdig .scap capture (or one of ours) written as a Falconet JSON Lines capture. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Convert a capture to Falconet's JSON Lines format (docs/capture-format.md): one event per syscall exit,",
                "with the process and fd state each event sees. Reads .scap (plain or gzip, Falco/sysdig) and JSON Lines."},
        footer = {"", "Exit codes: 0 ok, 1 unreadable input or unwritable output, 2 usage."})
public final class ConvertCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CAPTURE", description = "The capture to convert.")
    Path input;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true, description = "The JSON Lines capture to write (replaced if it exists).")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (input.toAbsolutePath().normalize().equals(output.toAbsolutePath().normalize())) {
            err.println("falconet convert: the output must not be the input file");
            return FalconetCli.EXIT_USAGE;
        }
        try (EventSource src = EventSource.open(input);
             CaptureWriter w = CaptureWriter.create(output, CaptureHeader.now("", "convert " + input.getFileName()))) {
            for (Event e = src.next(); e != null; e = src.next()) w.write(e);
            out.printf("%s: %d events read, %d written to %s%n", input, src.eventsRead(), w.eventCount(), output);
        } catch (CaptureException e) {
            err.println("falconet convert: " + e.getMessage());
            err.flush();
            return FalconetCli.EXIT_FINDINGS;
        }
        out.flush();
        return FalconetCli.EXIT_OK;
    }
}
