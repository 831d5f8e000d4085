package dev.falconet.lab.prereq;

/**
 * Whether one tool the lab uses is installed and working.
 *
 * @param name        program name ({@code minikube})
 * @param purpose     what the lab needs it for
 * @param required    false when only some lab actions need it (helm: only for the real Falco)
 * @param engine      a container engine (docker, podman): one working engine is enough
 * @param found       on the PATH
 * @param path        where it was found, or null
 * @param version     the version it reported, or null
 * @param problem     why it is not usable (missing, version call failed), or null when fine
 * @param installHint how to install or fix it, or null when fine
 */
public record ToolStatus(String name, String purpose, boolean required, boolean engine, boolean found, String path, String version,
                         String problem, String installHint) {
    /** Found and answering its version call. */
    public boolean usable() {
        return found && problem == null;
    }
}
