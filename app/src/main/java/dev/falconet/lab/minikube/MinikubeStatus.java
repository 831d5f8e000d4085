package dev.falconet.lab.minikube;

/**
 * What {@code minikube status} reported.
 *
 * @param profile    the profile (cluster) name
 * @param host       host (VM/container) state: Running, Stopped, Nonexistent...
 * @param kubelet    kubelet state
 * @param apiServer  API server state
 * @param kubeconfig kubeconfig state: Configured, Misconfigured, Stopped
 * @param state      the overall state derived from these
 * @param message    a line for the user explaining the state
 */
public record MinikubeStatus(String profile, String host, String kubelet, String apiServer, String kubeconfig,
                             ClusterState state, String message) {
    public boolean running() {
        return state == ClusterState.RUNNING;
    }
}
