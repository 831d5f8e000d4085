package dev.falconet.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One scenario as loaded from {@code scenarios/<id>.yaml} (docs/scenario-format.md).
 *
 * @param id            the scenario id (= file name without {@code .yaml})
 * @param group         catalogue section: {@code lab}, {@code upstream} or {@code evade}
 * @param title         short title
 * @param story         what the attacker does and why it matters (markdown)
 * @param objectives    what the student learns
 * @param rules         rules files loaded for the scenario, in order
 * @param preconditions what a live run needs
 * @param steps         the actions, in order
 * @param expect        the expected alerts
 * @param hints         hints for the student
 * @param explanation   why the rule fires
 * @param capture       the capture as written in the file (relative to {@code scenarios/})
 * @param file          the scenario file
 * @param captureFile   the resolved capture file (it exists when the scenario loaded without errors)
 */
public record Scenario(String id, String group, Text title, Text story, TextList objectives, List<RulesRef> rules,
                       Preconditions preconditions, List<Step> steps, Expectations expect, TextList hints,
                       Explanation explanation, String capture, Path file, Path captureFile) {
    /** The catalogue sections. */
    public static final List<String> GROUPS = List.of("lab", "upstream", "evade");

    public Scenario {
        rules = List.copyOf(rules);
        steps = List.copyOf(steps);
    }

    /** The step with this id. */
    public Optional<Step> step(String stepId) {
        return steps.stream().filter(s -> s.id().equals(stepId)).findFirst();
    }

    /** The rules files' paths, in order. */
    public List<Path> rulePaths() {
        return rules.stream().map(RulesRef::path).toList();
    }

    /** Whether every step runs in a pod or local container (none on the host). */
    public boolean containerOnly() {
        return steps.stream().noneMatch(s -> s.where() instanceof Target.Host);
    }
}
