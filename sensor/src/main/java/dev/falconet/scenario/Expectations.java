package dev.falconet.scenario;

import java.util.List;

/**
 * What the alerts of a run must look like.
 *
 * @param ordered the expected alerts must come in the listed order
 * @param alerts  the alerts that must fire; any other rule firing fails the scenario
 * @param absent  rules that must not fire
 */
public record Expectations(boolean ordered, List<AlertExpectation> alerts, List<AbsentRule> absent) {
    public Expectations {
        alerts = List.copyOf(alerts);
        absent = List.copyOf(absent);
    }
}
