package dev.falconet.lab.sensor;

import dev.falconet.lab.Lab;
import dev.falconet.lab.LabLog;
import dev.falconet.lab.process.ToolLocator;
import dev.falconet.output.Alert;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The two live sources of alerts the app can connect to: our sensor on this machine (its own privileged
 * process, see {@link HostSensor}) or the one running in the lab cluster (its pod's log). Both block
 * while connecting, so callers run them off the UI thread; failures are {@link dev.falconet.lab.LabException}s
 * whose message says what to do.
 */
public interface LiveSensors {
    /** The file in the app's config directory that the host sensor loads last and "Apply to sensor" rewrites. */
    String EDITOR_RULES = "sensor-editor-rules.yaml";

    /** Starts the sensor on this machine with these rules files. */
    AutoCloseable startHost(List<Path> rules, HostSensor.Listener listener);

    /** Follows the in-cluster sensor's alerts. */
    AutoCloseable followCluster(Consumer<Alert> alerts, Consumer<String> problems);

    /**
     * This machine: the sensor started by the project's {@code falconet} launcher through pkexec/sudo
     * (directly when the app is root), its token file in {@code configDir}, the project's rules when none are
     * configured, then the editor's file ({@link #EDITOR_RULES}, in {@code configDir}); the cluster's sensor through the lab.
     */
    static LiveSensors onThisMachine(Supplier<Lab> lab, Path configDir, boolean root) {
        return new LiveSensors() {
            @Override
            public AutoCloseable startHost(List<Path> rules, HostSensor.Listener listener) {
                Path repo = lab.get().paths().root();
                List<Path> files = rules.isEmpty() ? List.of(repo.resolve("rules").resolve("falconet_rules.yaml")) : rules;
                return HostSensor.start(HostSensor.elevation(ToolLocator.system(), root), repo.resolve("falconet"), files,
                        configDir.resolve(EDITOR_RULES), configDir.resolve("sensor.token"), listener);
            }

            @Override
            public AutoCloseable followCluster(Consumer<Alert> alerts, Consumer<String> problems) {
                Lab l = lab.get();
                l.requireLabContext();
                return l.sensor().streamAlerts(alerts, problems, LabLog.SILENT);
            }
        };
    }
}
