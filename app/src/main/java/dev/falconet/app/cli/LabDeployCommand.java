package dev.falconet.app.cli;

import dev.falconet.cli.FalconetCli;
import dev.falconet.lab.RecordingLog;
import dev.falconet.lab.kube.AppliedObject;
import dev.falconet.lab.sensor.SensorDeployment;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code falconet lab deploy}: build and roll out our sensor; optionally follow its alerts. */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = {"Build the sensor image inside minikube, apply lab-manifests/sensor/ (namespace, RBAC, DaemonSet) "
                + "and wait for the rollout.",
                "With --follow, port-forward to the sensor and print its alerts until interrupted (Ctrl-C)."})
final class LabDeployCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    LabCommand parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--timeout", defaultValue = "3m", converter = DurationConverter.class,
            description = "How long to wait for the sensor's rollout (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--skip-build", description = "Do not rebuild the image; only apply the manifests and wait.")
    boolean skipBuild;

    @Option(names = {"-f", "--follow"}, description = "Then stream the sensor's alerts (one per line; JSON with --json).")
    boolean follow;

    @Option(names = "--json", description = "Print data as JSON on stdout (the applied objects; alerts one JSON object per line).")
    boolean json;

    @Override
    public Integer call() {
        return parent.execute(spec.commandLine(), false, (lab, log, out) -> {
            var rec = new RecordingLog(log);
            SensorDeployment sensor = lab.sensor();
            List<AppliedObject> applied;
            if (skipBuild) {
                applied = sensor.applyManifests(rec);
                new dev.falconet.lab.kube.Rollouts(lab.client()).waitForDaemonSet(SensorDeployment.NAMESPACE,
                        SensorDeployment.DAEMONSET, timeout, rec);
            } else {
                applied = sensor.deploy(timeout, rec);
            }
            if (json && !follow) out.println(Json.write(Map.of("applied", applied, "equivalents", rec.equivalents())));
            else if (!json) out.println("The sensor runs (daemonset " + SensorDeployment.NAMESPACE + "/" + SensorDeployment.DAEMONSET + ").");
            out.flush();
            if (!follow) return FalconetCli.EXIT_OK;
            var err = spec.commandLine().getErr();
            try (var feed = sensor.streamAlerts(a -> {
                synchronized (out) {
                    out.println(json ? Json.line(a) : a.output());
                    out.flush();
                }
            }, problem -> {
                err.println("falconet lab deploy: " + problem);
                err.flush();
            }, rec)) {
                feed.stream().awaitEnd();
            }
            // the stream only ends when the sensor goes away: that is an error for a follower
            return FalconetCli.EXIT_FINDINGS;
        });
    }
}
