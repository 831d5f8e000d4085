package dev.falconet.lab.kube;

/**
 * Which cluster kubectl (and the lab) would talk to.
 *
 * @param kubeconfig    the kubeconfig file used, or null when there is none
 * @param context       the current context, or null
 * @param expected      true when the context is the lab's (the minikube profile)
 * @param reachable     true when the API server answered
 * @param serverVersion the API server's version when reachable
 * @param message       one line for the user
 */
public record KubeContextStatus(String kubeconfig, String context, boolean expected, boolean reachable,
                                String serverVersion, String message) {
    public boolean ok() {
        return expected && reachable;
    }
}
