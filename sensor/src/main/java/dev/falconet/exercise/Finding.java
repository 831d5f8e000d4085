package dev.falconet.exercise;

import dev.falconet.engine.explain.ExplainNode;
import java.util.List;

/** Why a case failed: one finding per expectation that did not hold. */
public sealed interface Finding permits Finding.Missed, Finding.NoSuchRule, Finding.FalseAlarm, Finding.TargetNotSeen {

    /** The rule the finding is about. */
    String rule();

    /** One line a student reads. */
    String summary();

    /**
     * The rule did not fire on the event it had to fire on. The explanation is the rule's evaluation on
     * that event: the tree with every sub-expression's value and the fields it read, and the decisive
     * false parts ({@link ExplainNode#decisiveChecks()}).
     *
     * @param appliesToEventType false when the rule's event types do not include the event's type
     * @param ruleEventTypes     the rule's event types, as text
     */
    record Missed(String rule, String target, EventSummary event, boolean enabled, boolean appliesToEventType,
                  String ruleEventTypes, ExplainNode tree, List<ExplainNode> whyNot) implements Finding {
        public Missed {
            whyNot = List.copyOf(whyNot);
        }

        public String summary() {
            return "rule '" + rule + "' did not fire on " + event.describe() + ", but it must";
        }
    }

    /** No rule with the expected name is loaded (a typo, or the rule is still missing). */
    record NoSuchRule(String rule, String suggestion) implements Finding {
        public String summary() {
            return "there is no rule named '" + rule + "'" + (suggestion == null ? "" : " (did you mean '" + suggestion + "'?)")
                    + "; the exercise checks a rule with exactly this name";
        }
    }

    /** The rule fired where it must stay silent; {@code events} are the offending events with their alerts. */
    record FalseAlarm(String rule, List<EventSummary> events) implements Finding {
        public FalseAlarm {
            events = List.copyOf(events);
        }

        public String summary() {
            return "rule '" + rule + "' fired on " + events.size() + (events.size() == 1 ? " event" : " events")
                    + " of this capture, but it must stay silent";
        }
    }

    /** The capture has no event the expectation targets (an exercise authoring error; the loader reports it too). */
    record TargetNotSeen(String rule, String target) implements Finding {
        public String summary() {
            return "the capture has no " + target + " (the exercise is broken; report it)";
        }
    }
}
