package dev.falconet.exercise;

import java.util.List;

/**
 * The outcome of one case or hidden check.
 *
 * @param id       the case id (a report shows hidden checks by number only)
 * @param number   1-based position among the visible cases, or among the hidden checks
 * @param title    what the capture shows (visible cases), or null
 * @param hint     the hint of a hidden check, or null
 * @param passed   every expectation held
 * @param findings why it failed (empty when passed)
 * @param error    the capture could not be read (then {@code passed} is false), or null
 */
public record CaseResult(String id, int number, Translated title, Translated hint, boolean passed,
                         List<Finding> findings, String error) {
    public CaseResult {
        findings = List.copyOf(findings);
    }

    public boolean hidden() {
        return hint != null;
    }
}
