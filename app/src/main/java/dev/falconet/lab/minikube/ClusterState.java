package dev.falconet.lab.minikube;

/** The lab cluster's overall state, as the dashboard shows it. */
public enum ClusterState {
    /** Host, kubelet and API server running. */
    RUNNING,
    /** The host runs but a component does not (starting up, or broken). */
    DEGRADED,
    /** Paused with {@code minikube pause}. */
    PAUSED,
    /** Created but stopped. */
    STOPPED,
    /** No cluster with this profile name. */
    NONEXISTENT,
    /** minikube's answer could not be read. */
    UNKNOWN
}
