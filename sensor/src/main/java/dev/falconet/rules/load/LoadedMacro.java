package dev.falconet.rules.load;

import dev.falconet.rules.ast.Expr;
import dev.falconet.rules.ast.Pos;

/**
 * A macro after merging, list substitution, parsing and macro resolution.
 *
 * @param conditionText     the condition after list substitution (what was parsed)
 * @param condition         the parsed tree with macro references resolved; null when it failed
 * @param location          the macro item
 * @param conditionLocation the {@code condition} value
 * @param conditionTrace    maps offsets of {@code conditionText} to the rules files
 * @param used              whether a rule or macro refers to it
 */
public record LoadedMacro(String name, String conditionText, Expr condition, SourceSpan location,
                          SourceSpan conditionLocation, TracedText conditionTrace, boolean used) {

    /** Where a position of the macro's condition tree is in the rules files. */
    public SourceSpan locate(Pos pos) {
        return conditionTrace.locate(pos.offset());
    }
}
