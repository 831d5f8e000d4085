package dev.falconet.scenario;

import java.nio.file.Path;

/**
 * One entry of a scenario's {@code rules} list.
 *
 * @param spec     as written: {@code upstream:falco_rules.yaml} or a path relative to the repository root
 * @param path     the resolved file
 * @param upstream whether it names an upstream Falco rules file (from {@code ../shared/falco-upstream})
 */
public record RulesRef(String spec, Path path, boolean upstream) {
    /** The prefix that names an upstream rules file. */
    public static final String UPSTREAM_PREFIX = "upstream:";
}
