package dev.falconet.exercise;

import dev.falconet.rules.load.SourceSpan;
import java.util.List;
import java.util.Objects;

/** What must happen when a case's capture is replayed through the student's rules. */
public sealed interface Expectation permits Expectation.Fires, Expectation.Silent {
    /** The rule the expectation is about. */
    String rule();

    /** Where the expectation is written in the exercise file. */
    SourceSpan at();

    /**
     * The rule must fire on the target event: the event numbered {@code event}, or else the first event
     * that passes every {@code where} test (at least one of the two is given; with both, both must hold).
     */
    record Fires(String rule, Long event, List<FieldPredicate> where, SourceSpan at) implements Expectation {
        public Fires {
            Objects.requireNonNull(rule, "rule");
            where = List.copyOf(where);
            if (event == null && where.isEmpty()) throw new IllegalArgumentException("a target event is needed");
        }

        /** Whether an event is the one this expectation is about. */
        public boolean targets(dev.falconet.event.Event e) {
            if (event != null && e.num() != event) return false;
            for (FieldPredicate p : where) if (!p.test(e)) return false;
            return true;
        }

        /** The target as a student reads it: "event 4", "the event where fd.name = /x". */
        public String target() {
            return target("en");
        }

        /** {@link #target()} in {@code lang} ("ru": "событие 4", "событие, где fd.name = /x"). */
        public String target(String lang) {
            boolean ru = "ru".equalsIgnoreCase(lang);
            StringBuilder sb = new StringBuilder();
            if (event != null) sb.append(ru ? "событие " : "event ").append(event);
            if (!where.isEmpty()) {
                sb.append(event != null ? (ru ? ", где " : " where ") : (ru ? "событие, где " : "the event where "));
                for (int i = 0; i < where.size(); i++) sb.append(i > 0 ? (ru ? " и " : " and ") : "").append(where.get(i));
            }
            return sb.toString();
        }
    }

    /** The rule must not fire on any event of the capture. */
    record Silent(String rule, SourceSpan at) implements Expectation {
        public Silent {
            Objects.requireNonNull(rule, "rule");
        }
    }
}
