package dev.falconet.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * One action of a scenario.
 *
 * @param id      step id, unique in the scenario (expectations name it)
 * @param title   what the step does
 * @param where   where it runs
 * @param argv    the command as an argument vector, or empty when {@code shell} is given
 * @param shell   a shell command line run with {@code sh -c}, or null when {@code argv} is given
 * @param exit    the expected exit code, or null to accept any
 * @param install host binaries copied into the target just before the step, so that they run as a freshly
 *                installed program (the podman backend copies them with their libraries; the minikube backend
 *                installs the package of the same name with apt-get)
 * @param pos     where the step is written
 */
public record Step(String id, Text title, Target where, List<String> argv, String shell, Integer exit,
                   List<String> install, SourcePos pos) {
    public Step {
        argv = List.copyOf(argv);
        install = List.copyOf(install);
    }

    /** The process's argument vector as the kernel sees it: {@code argv}, or {@code sh -c SHELL}. */
    public List<String> commandLine() {
        if (shell == null) return argv;
        List<String> l = new ArrayList<>(3);
        l.add("sh");
        l.add("-c");
        l.add(shell);
        return List.copyOf(l);
    }

    /** The command for people: {@code cat /etc/pam.d/passwd} or the shell line. */
    public String display() {
        return shell != null ? shell : String.join(" ", argv);
    }
}
