package dev.falconet.scenario.run;

import dev.falconet.scenario.AbsentRule;
import dev.falconet.scenario.AlertExpectation;
import dev.falconet.scenario.Expectations;
import dev.falconet.scenario.FieldCheck;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Matches the alerts of a run against a scenario's expectations. The result is the list of reasons the
 * run fails, empty when it passes:
 * <ul>
 *   <li>every expected alert must be seen: an alert of its rule with its priority, caused by its step,
 *       whose fields pass their checks ("expected rule X not seen", "rule X: field fd.name: expected
 *       equals A, got B");</li>
 *   <li>with {@code ordered}, the expected alerts must be seen in the listed order;</li>
 *   <li>an absent rule must not fire (for its step, when it names one), and neither may any rule the expectations do not name
 *       ("unexpected rule Y fired").</li>
 * </ul>
 */
public final class AlertMatcher {
    private AlertMatcher() {}

    /** The reasons the alerts do not meet the expectations; empty when they do. */
    public static List<String> match(Expectations expect, List<SeenAlert> seen) {
        List<String> reasons = new ArrayList<>();
        int after = -1;
        for (AlertExpectation x : expect.alerts()) {
            List<Integer> sameRule = new ArrayList<>();
            for (int i = 0; i < seen.size(); i++) if (seen.get(i).rule().equals(x.rule())) sameRule.add(i);
            if (sameRule.isEmpty()) {
                reasons.add("expected rule '" + x.rule() + "' not seen" + seenSummary(seen));
                continue;
            }
            int matchedAt = -1;
            int earlierMatch = -1;
            List<String> bestMisses = null;
            for (int i : sameRule) {
                List<String> misses = misses(x, seen.get(i));
                if (misses.isEmpty()) {
                    if (!expect.ordered() || i > after) {
                        matchedAt = i;
                        break;
                    }
                    if (earlierMatch < 0) earlierMatch = i;
                } else if (bestMisses == null || misses.size() < bestMisses.size()) {
                    bestMisses = misses;
                }
            }
            if (matchedAt >= 0) {
                after = matchedAt;
            } else if (earlierMatch >= 0) {
                reasons.add("rule '" + x.rule() + "' fired out of order: expected after the alerts listed before it");
            } else {
                String n = sameRule.size() == 1 ? "its alert" : "none of its " + sameRule.size() + " alerts matches; the closest";
                reasons.add("rule '" + x.rule() + "': " + n + ": " + String.join("; ", bestMisses));
            }
        }
        for (AbsentRule no : expect.absent()) {
            if (no.step() == null) continue;
            List<SeenAlert> there = seen.stream().filter(a -> a.rule().equals(no.rule()) && no.step().equals(a.step())).toList();
            if (!there.isEmpty())
                reasons.add("rule '" + no.rule() + "' fired for step '" + no.step() + "' but must not" + times(there.size()) + describe(there.get(0)));
        }
        Set<String> expected = expect.alerts().stream().map(AlertExpectation::rule).collect(Collectors.toSet());
        Set<String> absent = expect.absent().stream().filter(a -> a.step() == null).map(AbsentRule::rule).collect(Collectors.toSet());
        Map<String, List<SeenAlert>> others = new LinkedHashMap<>();
        for (SeenAlert a : seen) if (!expected.contains(a.rule())) others.computeIfAbsent(a.rule(), k -> new ArrayList<>()).add(a);
        for (var e : others.entrySet()) {
            SeenAlert first = e.getValue().get(0);
            String times = times(e.getValue().size());
            String by = describe(first);
            if (absent.contains(e.getKey())) reasons.add("rule '" + e.getKey() + "' fired but must not" + times + by);
            else reasons.add("unexpected rule '" + e.getKey() + "' fired" + times + by);
        }
        return reasons;
    }

    /** What differs between an expectation and an alert of its rule; empty when the alert meets it. */
    static List<String> misses(AlertExpectation x, SeenAlert a) {
        List<String> out = new ArrayList<>();
        if (x.priority() != null && x.priority() != a.alert().priority())
            out.add("priority: expected " + x.priority() + ", got " + a.alert().priority());
        if (x.step() != null && !x.step().equals(a.step()))
            out.add("step: expected it to be caused by step '" + x.step() + "', got " + (a.step() == null ? "no step" : "step '" + a.step() + "'"));
        for (var f : x.fields().entrySet()) {
            FieldCheck c = f.getValue();
            Object v = a.field(f.getKey());
            if (!c.test(v)) {
                String got = !a.hasField(f.getKey()) ? "not in the alert's output fields" : FieldCheck.text(v) == null ? "no value" : FieldCheck.text(v);
                out.add("field " + f.getKey() + ": expected " + c.describe() + ", got " + got);
            }
        }
        return out;
    }

    private static String times(int n) {
        return n == 1 ? "" : " (" + n + " times)";
    }

    private static String describe(SeenAlert a) {
        Object cmd = a.field("proc.cmdline");
        String step = a.step() == null ? "" : "step '" + a.step() + "'";
        String c = FieldCheck.text(cmd);
        if (c == null && step.isEmpty()) return "";
        return " (" + step + (c == null ? "" : (step.isEmpty() ? "" : ", ") + "command " + c) + ")";
    }

    private static String seenSummary(List<SeenAlert> seen) {
        if (seen.isEmpty()) return " (no alerts at all)";
        List<String> rules = seen.stream().map(SeenAlert::rule).distinct().toList();
        return " (alerts seen: " + String.join(", ", rules) + ")";
    }
}
