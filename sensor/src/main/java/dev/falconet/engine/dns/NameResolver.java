package dev.falconet.engine.dns;

import java.util.List;
import java.util.Map;

/**
 * Resolves the domain names that conditions compare {@code fd.sip.name} and friends against, as
 * libsinsp's DNS manager does: a rule such as {@code fd.sip.name = kubernetes.default.svc.cluster.local}
 * matches when the connection's server address is one of the addresses that name resolves to.
 * Implementations must not block evaluation: an unresolved name has no addresses (yet).
 */
public interface NameResolver {
    /** The addresses (textual) the name currently resolves to; empty when unknown or not resolved yet. */
    List<String> addresses(String name);

    /** Resolves nothing: every name check is false. */
    NameResolver NONE = name -> List.of();

    /** Fixed answers, like curl's {@code --resolve}: for replaying a capture recorded in a cluster. */
    static NameResolver fixed(Map<String, List<String>> answers) {
        Map<String, List<String>> copy = Map.copyOf(answers);
        return name -> copy.getOrDefault(name, List.of());
    }
}
