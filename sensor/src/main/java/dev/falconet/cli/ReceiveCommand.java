package dev.falconet.cli;

import dev.falconet.output.OutputConfigException;
import dev.falconet.output.OutputOptions;
import dev.falconet.output.Outputs;
import dev.falconet.output.http.AlertReceiver;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code falconet receive}: a falcosidekick-compatible HTTP input. A real Falco's {@code http_output} POSTs its
 * alerts here and they flow into the same outputs as the sensor's (stdout, file, HTTP, Telegram).
 */
@Command(name = "receive", mixinStandardHelpOptions = true,
        description = {"Receive Falco alerts over HTTP, as falcosidekick does, and send them to the outputs.",
                "Endpoints: POST / (one Falco JSON alert), /ping, /healthz. Point Falco at it with",
                "  http_output: {enabled: true, url: \"http://<host>:2801/\"} and json_output: true.",
                "Stops on Ctrl-C / SIGTERM, after delivering what is queued (see --drain-timeout)."},
        footer = {"", "Exit codes: 0 ok, 1 errors, 2 usage."})
public final class ReceiveCommand implements Callable<Integer> {
    @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:2801",
            description = "Where to listen (default ${DEFAULT-VALUE}). Beyond loopback a --token is required.")
    String listen;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "Bearer token clients must send (Authorization: Bearer TOKEN); env FALCONET_RECEIVE_TOKEN.")
    String token;

    @Mixin
    OutputOptions outputs = new OutputOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Map<String, String> env;
    private final CountDownLatch stop;
    private final PrintStream out;
    private final PrintStream err;
    private volatile InetSocketAddress bound;

    public ReceiveCommand() {
        this(System.getenv(), null, System.out, System.err);
    }

    /** For tests: a given environment and streams, and a latch that stops the command instead of a signal. */
    ReceiveCommand(Map<String, String> env, CountDownLatch stop, PrintStream out, PrintStream err) {
        this.env = env;
        this.stop = stop;
        this.out = out;
        this.err = err;
    }

    /** The address it listens on, once started (tests). */
    InetSocketAddress bound() {
        return bound;
    }

    @Override
    public Integer call() {
        InetSocketAddress address = parseListen(listen);
        String bearer = token != null ? token : env.get("FALCONET_RECEIVE_TOKEN");
        Outputs outs;
        try {
            outs = outputs.open(out, err, env);
        } catch (OutputConfigException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        AlertReceiver receiver;
        try {
            receiver = AlertReceiver.start(address, bearer, outs);
        } catch (OutputConfigException e) {
            outs.close();
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        } catch (IOException e) {
            outs.close();
            spec.commandLine().getErr().println("falconet receive: cannot listen on " + listen + ": " + e.getMessage()
                    + " (port in use? choose another with --listen)");
            return FalconetCli.EXIT_FINDINGS;
        }
        bound = receiver.address();
        err.println("falconet receive: listening on http://" + bound.getHostString() + ":" + bound.getPort() + "/"
                + (bearer != null ? " (bearer token required)" : ""));
        CountDownLatch done = stop != null ? stop : new CountDownLatch(1);
        Thread hook = new Thread(() -> shutdown(receiver, outs, done), "falconet-receive-shutdown");
        if (stop == null) Runtime.getRuntime().addShutdownHook(hook);
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (stop != null) shutdown(receiver, outs, done);
        return FalconetCli.EXIT_OK;
    }

    private void shutdown(AlertReceiver receiver, Outputs outs, CountDownLatch done) {
        receiver.close();
        outs.close();
        err.println("falconet receive: stopped after " + receiver.accepted() + " alert(s), " + receiver.rejected() + " request(s) refused");
        done.countDown();
    }

    private InetSocketAddress parseListen(String text) {
        int colon = text.lastIndexOf(':');
        if (colon < 0) throw new CommandLine.ParameterException(spec.commandLine(), "--listen '" + text + "' must be HOST:PORT, e.g. 127.0.0.1:2801");
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--listen '" + text + "': the port must be a number");
        }
        if (port < 0 || port > 65535) throw new CommandLine.ParameterException(spec.commandLine(), "--listen '" + text + "': port out of range");
        InetSocketAddress a = new InetSocketAddress(host.isEmpty() ? "0.0.0.0" : host, port);
        if (a.isUnresolved()) throw new CommandLine.ParameterException(spec.commandLine(), "--listen '" + text + "': unknown host '" + host + "'");
        return a;
    }
}
