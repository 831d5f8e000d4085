package dev.falconet.output;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The output options {@code sensor}, {@code replay} and {@code receive} share (a picocli {@code @Mixin}).
 * {@link #open()} builds the {@link Outputs} fan-out. With no option set: Falco text lines on stdout.
 */
public final class OutputOptions {
    @Option(names = "--json", description = "Print Falco JSON alerts (one per line) on stdout instead of text lines.")
    boolean json;

    @Option(names = "--no-stdout", description = "Print no alerts on stdout (other outputs still get them).")
    boolean noStdout;

    @Option(names = "--delivery-status", description = "Also print every delivery status (queued, sending, sent, retrying, failed) of the "
            + "Telegram and HTTP outputs: JSON lines on stdout with --json, 'delivery: ...' lines otherwise.")
    boolean deliveryStatus;

    /** Builds the outputs on {@code System.out} with the process environment. */
    public Outputs open() {
        return open(System.out, System.getenv());
    }

    /**
     * Builds the outputs: stdout (text or JSON) unless {@code --no-stdout}, then every configured output.
     *
     * @param out where stdout lines go
     * @param env the environment ({@code FALCONET_*} variables)
     * @throws OutputConfigException when a setting cannot work; the message says which and how to fix it
     */
    public Outputs open(PrintStream out, Map<String, String> env) {
        DeliveryEvents events = new DeliveryEvents();
        List<AlertSink> sinks = new ArrayList<>();
        StreamSink stdout = new StreamSink(out, json);
        if (!noStdout) sinks.add(stdout);
        if (deliveryStatus) events.subscribe(stdout);
        return new Outputs(sinks, events);
    }

    /** True when alerts are printed as Falco JSON. */
    public boolean json() {
        return json;
    }
}
