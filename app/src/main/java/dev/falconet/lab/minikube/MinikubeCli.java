package dev.falconet.lab.minikube;

import dev.falconet.lab.LabException;
import dev.falconet.lab.LabLog;
import dev.falconet.lab.process.CommandResult;
import dev.falconet.lab.process.CommandRunner;
import dev.falconet.lab.process.ToolCommand;
import dev.falconet.lab.process.ToolNotFoundException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** {@link Minikube} backed by the {@code minikube} binary. */
public final class MinikubeCli implements Minikube {
    static final Duration START_TIMEOUT = Duration.ofMinutes(15);
    static final Duration SHORT_TIMEOUT = Duration.ofSeconds(60);
    static final Duration STOP_TIMEOUT = Duration.ofMinutes(3);
    static final Duration BUILD_TIMEOUT = Duration.ofMinutes(15);

    private final CommandRunner runner;
    private final String profile;

    public MinikubeCli(CommandRunner runner, String profile) {
        this.runner = runner;
        this.profile = profile;
    }

    public MinikubeCli(CommandRunner runner) {
        this(runner, "minikube");
    }

    @Override
    public String profile() {
        return profile;
    }

    @Override
    public MinikubeStatus status(LabLog log) {
        CommandResult r = run(log, "minikube status", SHORT_TIMEOUT, false, "status", "-o", "json");
        if (r.timedOut()) {
            throw new LabException("minikube status did not answer in " + SHORT_TIMEOUT.toSeconds() + " s");
        }
        // minikube status exits non-zero whenever something is not running; the output says what
        return MinikubeStatusParser.parse(profile, r.stdout(), r.stderr());
    }

    @Override
    public MinikubeStatus start(StartOptions options, LabLog log) {
        var args = new ArrayList<>(List.of("start"));
        args.addAll(options.flags());
        CommandResult r = run(log, "minikube start", START_TIMEOUT, true, args.toArray(String[]::new));
        failOnError("minikube start", r);
        return status(log);
    }

    @Override
    public void stop(LabLog log) {
        failOnError("minikube stop", run(log, "minikube stop", STOP_TIMEOUT, true, "stop"));
    }

    @Override
    public void delete(LabLog log) {
        failOnError("minikube delete", run(log, "minikube delete", STOP_TIMEOUT, true, "delete"));
    }

    @Override
    public void imageBuild(String tag, Path context, String dockerfile, LabLog log) {
        CommandResult r = run(log, "minikube image build", BUILD_TIMEOUT, true,
                "image", "build", "-t", tag, "-f", dockerfile, context.toString());
        failOnError("minikube image build", r);
    }

    private CommandResult run(LabLog log, String what, Duration timeout, boolean stream, String... args) {
        var argv = new ArrayList<String>();
        argv.add("minikube");
        argv.add("-p");
        argv.add(profile);
        argv.addAll(List.of(args));
        ToolCommand cmd = new ToolCommand(argv);
        log.equivalent(display(cmd));
        try {
            return runner.run(cmd, timeout, stream ? log::progress : line -> {});
        } catch (ToolNotFoundException e) {
            throw new LabException(what + ": minikube is not installed. Install minikube: "
                    + "https://minikube.sigs.k8s.io/docs/start/", e);
        }
    }

    private static void failOnError(String what, CommandResult r) {
        if (r.timedOut()) throw new LabException(what + " did not finish in time and was stopped");
        if (r.exitCode() != 0) throw new MinikubeException(what, MinikubeFailure.parse(r.combinedOutput()));
    }

    /** The command as a user would type it: without {@code -p minikube} when it is the default profile. */
    private String display(ToolCommand cmd) {
        if (!"minikube".equals(profile)) return cmd.display();
        var argv = new ArrayList<>(cmd.argv());
        argv.subList(1, 3).clear();
        return new ToolCommand(argv).display();
    }
}
