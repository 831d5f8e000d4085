package dev.falconet.engine;

import dev.falconet.engine.compile.OutputFormat;
import dev.falconet.engine.eval.Node;
import dev.falconet.rules.Priority;
import dev.falconet.rules.load.LoadedRule;
import java.util.List;

/**
 * A rule ready to evaluate: its compiled condition, the event types it can match, and its
 * compiled output.
 *
 * @param index     position in evaluation order (Falco's rule index)
 * @param enabled   whether it is evaluated (enabled in the files and at least the minimum priority)
 * @param origin    the rule as loaded (texts, positions)
 */
public record CompiledRule(int index, String name, Priority priority, List<String> tags, String source, boolean enabled,
                           Node condition, EventTypeSet eventTypes, OutputFormat output, LoadedRule origin) {
    public CompiledRule {
        tags = List.copyOf(tags);
    }
}
