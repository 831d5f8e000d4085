package dev.falconet.scenario;

/**
 * A negative expectation: this rule must not fire during the scenario, or, with a step, not for that step.
 *
 * @param rule rule name
 * @param step the step it must not fire for, or null for the whole scenario
 * @param pos  where it is written
 */
public record AbsentRule(String rule, String step, SourcePos pos) {}
