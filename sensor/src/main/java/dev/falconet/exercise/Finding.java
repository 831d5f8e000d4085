package dev.falconet.exercise;

import dev.falconet.engine.explain.ExplainNode;
import java.util.List;

/** Why a case failed: one finding per expectation that did not hold. */
public sealed interface Finding permits Finding.Missed, Finding.NoSuchRule, Finding.FalseAlarm, Finding.TargetNotSeen {

    /** The rule the finding is about. */
    String rule();

    /** One line a student reads, in {@code lang} ("en" or "ru"). */
    String summary(String lang);

    /** {@link #summary(String)} in English. */
    default String summary() {
        return summary("en");
    }

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

        public String summary(String lang) {
            return Words.pick(lang, "rule '" + rule + "' did not fire on " + event.describe(lang) + ", but it must",
                    "правило '" + rule + "' не сработало на событии " + event.details() + ", а должно было");
        }
    }

    /** No rule with the expected name is loaded (a typo, or the rule is still missing). */
    record NoSuchRule(String rule, String suggestion) implements Finding {
        public String summary(String lang) {
            return Words.pick(lang,
                    "there is no rule named '" + rule + "'" + (suggestion == null ? "" : " (did you mean '" + suggestion + "'?)")
                            + "; the exercise checks a rule with exactly this name",
                    "нет правила с именем '" + rule + "'" + (suggestion == null ? "" : " (может быть, '" + suggestion + "'?)")
                            + "; упражнение проверяет правило именно с этим именем");
        }
    }

    /** The rule fired where it must stay silent; {@code events} are the offending events with their alerts. */
    record FalseAlarm(String rule, List<EventSummary> events) implements Finding {
        public FalseAlarm {
            events = List.copyOf(events);
        }

        public String summary(String lang) {
            return Words.pick(lang,
                    "rule '" + rule + "' fired on " + events.size() + (events.size() == 1 ? " event" : " events")
                            + " of this capture, but it must stay silent",
                    "правило '" + rule + "' сработало на событиях этой записи (" + events.size() + "), а должно молчать");
        }
    }

    /** The capture has no event the expectation targets (an exercise authoring error; the loader reports it too). */
    record TargetNotSeen(String rule, String target) implements Finding {
        public String summary(String lang) {
            return Words.pick(lang, "the capture has no " + target + " (the exercise is broken; report it)",
                    "в записи нет события: " + target + " (упражнение сломано; сообщите об этом)");
        }
    }
}
