package dev.falconet.lab.prereq;

import dev.falconet.lab.LabLog;
import dev.falconet.lab.process.CommandResult;
import dev.falconet.lab.process.CommandRunner;
import dev.falconet.lab.process.ToolCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Detects what the lab needs on this machine: minikube, kubectl, helm, a container engine (docker or
 * podman) and a minikube driver that can actually run, each with its version and, when missing, how to
 * install it.
 */
public final class Prerequisites {
    static final Duration VERSION_TIMEOUT = Duration.ofSeconds(15);
    private static final Pattern VERSION = Pattern.compile("v?(\\d+\\.\\d+(?:\\.\\d+)?(?:[-+][0-9A-Za-z.+-]*)?)");

    static final String MINIKUBE_HINT = "Install minikube: https://minikube.sigs.k8s.io/docs/start/ "
            + "(Linux: download the minikube-linux-amd64 release binary and run "
            + "'sudo install minikube-linux-amd64 /usr/local/bin/minikube')";
    static final String KUBECTL_HINT = "Install kubectl: https://kubernetes.io/docs/tasks/tools/ "
            + "(or use 'minikube kubectl --' in its place)";
    static final String HELM_HINT = "Install helm 3: https://helm.sh/docs/intro/install/ "
            + "(only needed for 'falconet lab falco install')";
    static final String ENGINE_HINT = "Install Docker Engine (https://docs.docker.com/engine/install/) and add yourself "
            + "to the docker group ('sudo usermod -aG docker $USER', then log in again), or install podman";

    private final CommandRunner runner;
    private final Path kvmDevice;
    private final Duration versionTimeout;

    /**
     * @param runner         runs the version commands (its PATH decides what is found)
     * @param kvmDevice      the KVM device node ({@code /dev/kvm}); the kvm2 driver needs it
     * @param versionTimeout how long a tool may take to print its version
     */
    public Prerequisites(CommandRunner runner, Path kvmDevice, Duration versionTimeout) {
        this.runner = runner;
        this.kvmDevice = kvmDevice;
        this.versionTimeout = versionTimeout;
    }

    public Prerequisites(CommandRunner runner, Path kvmDevice) {
        this(runner, kvmDevice, VERSION_TIMEOUT);
    }

    public Prerequisites(CommandRunner runner) {
        this(runner, Path.of("/dev/kvm"));
    }

    public PrerequisiteReport check(LabLog log) {
        var tools = new ArrayList<ToolStatus>();
        tools.add(probe(log, "minikube", "runs the lab's one-node Kubernetes cluster", true, MINIKUBE_HINT,
                ToolCommand.of("minikube", "version", "--short")));
        tools.add(probe(log, "kubectl", "the Kubernetes command line the lab teaches", false, KUBECTL_HINT,
                ToolCommand.of("kubectl", "version", "--client")));
        tools.add(probe(log, "helm", "installs the real Falco for comparison", false, HELM_HINT,
                ToolCommand.of("helm", "version", "--short")));
        ToolStatus docker = probe(log, "docker", "container engine for minikube's docker driver", false, ENGINE_HINT,
                ToolCommand.of("docker", "version", "--format", "{{.Server.Version}}"));
        ToolStatus podman = probe(log, "podman", "container engine for minikube's podman driver", false, ENGINE_HINT,
                ToolCommand.of("podman", "version", "--format", "{{.Client.Version}}"));
        tools.add(docker);
        tools.add(podman);
        return new PrerequisiteReport(tools, chooseDriver(docker, podman));
    }

    private DriverStatus chooseDriver(ToolStatus docker, ToolStatus podman) {
        if (docker.usable()) {
            return new DriverStatus("docker", true, "Docker Engine " + docker.version() + " answers", null);
        }
        if (podman.usable()) {
            return new DriverStatus("podman", true, "podman " + podman.version() + " is installed (minikube's podman "
                    + "driver is experimental and needs passwordless sudo for podman)", null);
        }
        boolean kvm = Files.exists(kvmDevice) && runner.locator().find("virsh").isPresent();
        if (kvm) {
            return new DriverStatus("kvm2", true, "KVM (" + kvmDevice + ") and libvirt (virsh) are available", null);
        }
        String why = docker.found()
                ? "docker is installed but its daemon does not answer (" + docker.problem() + ")"
                : "no container engine (docker, podman) and no KVM with libvirt";
        String hint = docker.found()
                ? "Start it ('sudo systemctl start docker') and check that 'docker version' works without sudo"
                : ENGINE_HINT;
        return new DriverStatus(null, false, why, hint);
    }

    private ToolStatus probe(LabLog log, String name, String purpose, boolean required, String hint, ToolCommand cmd) {
        boolean engine = name.equals("docker") || name.equals("podman");
        Optional<Path> path = runner.locator().find(name);
        if (path.isEmpty()) {
            return new ToolStatus(name, purpose, required, engine, false, null, null, "not found on the PATH", hint);
        }
        log.equivalent(cmd.display());
        CommandResult r = runner.run(cmd, versionTimeout);
        String out = r.stdout().strip();
        if (!r.ok()) {
            String detail = r.timedOut() ? "'" + cmd.display() + "' did not answer in " + versionTimeout.toMillis() + " ms"
                    : firstLine(r.combinedOutput(), "'" + cmd.display() + "' exited with " + r.exitCode());
            return new ToolStatus(name, purpose, required, engine, true, path.get().toString(), parseVersion(out).orElse(null),
                    detail, hint);
        }
        return new ToolStatus(name, purpose, required, engine, true, path.get().toString(), parseVersion(out).orElse(out), null, null);
    }

    /** The first version-looking token of a tool's output ({@code v1.35.0}, {@code 27.4.1}). */
    static Optional<String> parseVersion(String output) {
        Matcher m = VERSION.matcher(output);
        if (!m.find()) return Optional.empty();
        String v = m.group();
        return Optional.of(v.startsWith("v") ? v : m.group(1));
    }

    private static String firstLine(String s, String fallback) {
        String t = s.strip();
        if (t.isEmpty()) return fallback;
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }
}
