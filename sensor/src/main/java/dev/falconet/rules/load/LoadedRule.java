package dev.falconet.rules.load;

import dev.falconet.rules.Priority;
import dev.falconet.rules.ast.Expr;
import dev.falconet.rules.ast.Pos;
import java.util.List;
import java.util.Set;

/**
 * A rule after merging all files (appends and overrides applied), with its condition expanded (exceptions,
 * then list substitution), parsed and macro-resolved.
 *
 * @param tags                sorted, no duplicates
 * @param source              the event source; only {@code syscall} rules are in {@link LoadResult#rules()}
 * @param conditionText       the condition after exceptions and list substitution: the text that was parsed
 * @param condition           the tree, macro references resolved to {@link Expr.MacroUse}; null if it failed
 * @param exceptionFields     the fields the exceptions compare (Falco keeps them for output)
 * @param location            the rule item (of its latest full definition)
 * @param conditionLocation   the {@code condition} value of that definition
 * @param outputLocation      the {@code output} value of that definition
 * @param conditionTrace      maps offsets of {@code conditionText} to the rules files
 */
public record LoadedRule(String name, String desc, String output, Priority priority, List<String> tags,
                         String source, boolean enabled, boolean warnEvttypes, boolean skipIfUnknownFilter,
                         boolean capture, long captureDuration, String conditionText, Expr condition,
                         Set<String> exceptionFields, SourceSpan location, SourceSpan conditionLocation,
                         SourceSpan outputLocation, TracedText conditionTrace) {
    public LoadedRule {
        tags = List.copyOf(tags);
        exceptionFields = Set.copyOf(exceptionFields);
    }

    /** Where a position of {@link #condition()} (outside macro bodies) is in the rules files. */
    public SourceSpan locate(Pos pos) {
        return conditionTrace.locate(pos.offset());
    }

    /** The label used in diagnostics: {@code rule 'NAME'}. */
    public String label() {
        return "rule '" + name + "'";
    }
}
