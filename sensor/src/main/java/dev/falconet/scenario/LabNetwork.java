package dev.falconet.scenario;

import dev.falconet.engine.dns.NameResolver;
import java.util.List;
import java.util.Map;

/**
 * The lab cluster's well-known names, as its DNS answers them. Rules compare {@code fd.sip.name} with
 * the addresses a name resolves to; outside the cluster the host's DNS does not know
 * {@code kubernetes.default.svc.cluster.local}, so scenario runs (live and replay) answer it as
 * minikube does: the {@code kubernetes} service is the first address of the default service range
 * 10.96.0.0/12. A scenario's container gets the same answer from its own {@code /etc/hosts}.
 */
public final class LabNetwork {
    /** The API server's in-cluster name. */
    public static final String API_SERVER_NAME = "kubernetes.default.svc.cluster.local";
    /** The {@code kubernetes} service's ClusterIP in minikube's default service range. */
    public static final String API_SERVER_IP = "10.96.0.1";
    /** Answers the lab's names; every other name resolves to nothing. */
    public static final NameResolver RESOLVER = NameResolver.fixed(Map.of(API_SERVER_NAME, List.of(API_SERVER_IP)));

    private LabNetwork() {}
}
