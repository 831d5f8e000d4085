package dev.falconet.lab.kube;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.ConnectException;
import java.util.stream.Collectors;

/** Turns API server errors into sentences a student can act on. */
public final class ApiErrors {
    private ApiErrors() {}

    /**
     * Describes a failed request about {@code what} (e.g. {@code Deployment secured-ns/nginx-deployment}),
     * naming the rejected fields when the server listed them.
     */
    public static String describe(String what, KubernetesClientException e) {
        int code = e.getCode();
        Status st = e.getStatus();
        String reason = st != null && st.getMessage() != null ? st.getMessage() : e.getMessage();
        if (isConnectionProblem(e) || (code == 0 && hasIoCause(e))) {
            return what + ": the cluster is unreachable (" + rootMessage(e) + "). Is it running? Check 'falconet lab status' "
                    + "or 'minikube status'";
        }
        if (code == 401) return what + ": the API server refused our credentials (401). Run 'minikube update-context'";
        if (code == 403) return what + ": forbidden by RBAC (403): " + reason;
        if (code == 404) return what + ": not found (404)";
        if (code == 422 && st != null && st.getDetails() != null && st.getDetails().getCauses() != null
                && !st.getDetails().getCauses().isEmpty()) {
            return what + ": rejected by the API server: " + st.getDetails().getCauses().stream()
                    .map(ApiErrors::cause).collect(Collectors.joining("; "));
        }
        return what + ": " + reason + (code > 0 ? " (HTTP " + code + ")" : "");
    }

    private static String cause(StatusCause c) {
        return (c.getField() == null ? "" : "field " + c.getField() + ": ") + c.getMessage();
    }

    public static boolean isConnectionProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof java.net.UnknownHostException
                    || t instanceof java.net.http.HttpConnectTimeoutException
                    || t instanceof java.nio.channels.UnresolvedAddressException) return true;
            String m = t.getMessage();
            if (m != null && (m.contains("Connection refused") || m.contains("Failed to connect"))) return true;
        }
        return false;
    }

    private static boolean hasIoCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) if (t instanceof java.io.IOException) return true;
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) t = t.getCause();
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
