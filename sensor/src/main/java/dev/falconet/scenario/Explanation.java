package dev.falconet.scenario;

import java.util.List;

/**
 * Why the rule fires, for the student after the run.
 *
 * @param text       the explanation in both languages (markdown)
 * @param conditions the macros and conditions that matter
 * @param links      docs (repository paths) and web pages
 */
public record Explanation(Text text, List<String> conditions, List<String> links) {
    public Explanation {
        conditions = List.copyOf(conditions);
        links = List.copyOf(links);
    }
}
