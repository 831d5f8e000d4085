package dev.falconet.enrich.k8s;

/**
 * Whether Kubernetes metadata can be had, and if not, why.
 *
 * @param state  the overall state
 * @param detail the reason in words (the API server's message, the missing file)
 */
public record K8sHealth(State state, String detail) {
    public enum State {
        /** No kubeconfig and not in a cluster: enrichment is off. */
        NO_KUBECONFIG,
        /** Connected, caches filling. */
        SYNCING,
        /** Caches synced and watching. */
        READY,
        /** The API server refused a list/watch (403): the service account lacks a role. */
        RBAC_DENIED,
        /** The API server cannot be reached; the caches keep retrying. */
        UNREACHABLE,
        /** Closed. */
        STOPPED
    }

    public boolean ready() {
        return state == State.READY;
    }

    /** One line for alerts and the health check. */
    public String describe() {
        return switch (state) {
            case NO_KUBECONFIG -> "no Kubernetes metadata: " + detail;
            case SYNCING -> "Kubernetes metadata still syncing" + (detail == null ? "" : ": " + detail);
            case READY -> "Kubernetes metadata ready";
            case RBAC_DENIED -> "no Kubernetes metadata: RBAC refused: " + detail;
            case UNREACHABLE -> "no Kubernetes metadata: API server unreachable: " + detail;
            case STOPPED -> "Kubernetes metadata stopped";
        };
    }
}
