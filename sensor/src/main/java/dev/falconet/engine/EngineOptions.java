package dev.falconet.engine;

import dev.falconet.engine.dns.NameResolver;
import dev.falconet.engine.dns.SystemNameResolver;
import dev.falconet.rules.Priority;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * How the engine runs, as falco.yaml would set it.
 *
 * @param ruleMatching    first (Falco's default) or all
 * @param minPriority     rules less severe than this load but are not enabled (falco.yaml {@code priority})
 * @param hostname        the host name alerts carry
 * @param zone            time zone of the time of day in text alerts
 * @param suggestedFields fields appended to every output as {@code name_with_underscores=%field}
 *                        (Falco's {@code suggested_output}; the container plugin suggests
 *                        {@code container.id} and {@code container.name})
 * @param resolver        answers the domain names that {@code fd.sip.name} and friends are compared with
 * @param missingReason   explains missing values in alert text (Kubernetes metadata)
 */
public record EngineOptions(RuleMatching ruleMatching, Priority minPriority, String hostname, ZoneId zone,
                            List<String> suggestedFields, NameResolver resolver, MissingReason missingReason) {

    /**
     * Why a field has no value for an event, when something better than a bare {@code <NA>} can be
     * said (e.g. "pod not yet seen by the Kubernetes cache"); alerts print {@code <NA> (why)}.
     */
    @FunctionalInterface
    public interface MissingReason {
        java.util.Optional<String> why(dev.falconet.event.Event e, String field);

        MissingReason NONE = (e, f) -> java.util.Optional.empty();
    }
    public static final List<String> CONTAINER_SUGGESTED = List.of("container.id", "container.name");
    public static final List<String> K8SMETA_SUGGESTED = List.of("k8smeta.pod.name", "k8smeta.ns.name");

    public EngineOptions {
        Objects.requireNonNull(ruleMatching, "ruleMatching");
        Objects.requireNonNull(minPriority, "minPriority");
        Objects.requireNonNull(zone, "zone");
        hostname = hostname == null ? "" : hostname;
        suggestedFields = List.copyOf(suggestedFields);
        Objects.requireNonNull(resolver, "resolver");
        Objects.requireNonNull(missingReason, "missingReason");
    }

    /** Falco's defaults: first match, every priority, local time, container fields suggested. */
    public static EngineOptions defaults() {
        return new EngineOptions(RuleMatching.FIRST, Priority.DEBUG, localHostname(), ZoneId.systemDefault(), CONTAINER_SUGGESTED, SystemNameResolver.standard(), MissingReason.NONE);
    }

    public EngineOptions withRuleMatching(RuleMatching m) {
        return new EngineOptions(m, minPriority, hostname, zone, suggestedFields, resolver, missingReason);
    }

    public EngineOptions withMinPriority(Priority p) {
        return new EngineOptions(ruleMatching, p, hostname, zone, suggestedFields, resolver, missingReason);
    }

    public EngineOptions withHostname(String h) {
        return new EngineOptions(ruleMatching, minPriority, h, zone, suggestedFields, resolver, missingReason);
    }

    public EngineOptions withZone(ZoneId z) {
        return new EngineOptions(ruleMatching, minPriority, hostname, z, suggestedFields, resolver, missingReason);
    }

    public EngineOptions withSuggestedFields(List<String> f) {
        return new EngineOptions(ruleMatching, minPriority, hostname, zone, f, resolver, missingReason);
    }

    public EngineOptions withMissingReason(MissingReason m) {
        return new EngineOptions(ruleMatching, minPriority, hostname, zone, suggestedFields, resolver, m);
    }

    public EngineOptions withResolver(NameResolver r) {
        return new EngineOptions(ruleMatching, minPriority, hostname, zone, suggestedFields, r, missingReason);
    }

    static String localHostname() {
        String env = System.getenv("FALCONET_HOSTNAME");
        if (env != null && !env.isBlank()) return env;
        return dev.falconet.fields.Hostname.get();
    }
}
