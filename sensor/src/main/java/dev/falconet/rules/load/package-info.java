/**
 * The rules-file loader: Falco rules YAML to merged, macro-resolved rules, with diagnostics.
 *
 * <p>Entry point: {@link dev.falconet.rules.load.RulesLoader#load}. Stages, each its own class:
 * <ol>
 *   <li>{@code YamlTreeReader}: YAML text to trees with positions, scalars kept as literal text;</li>
 *   <li>{@code ItemReader}: items decoded and checked with Falco's messages (unknown keys and items are
 *       warnings with a "did you mean");</li>
 *   <li>{@code RuleCollection}: all files merged with Falco's redefinition, {@code append} and
 *       {@code override} semantics (a redefined rule keeps its index);</li>
 *   <li>{@code CollectionCompiler}: exceptions written into the condition text ({@code ExceptionExpander}),
 *       textual list substitution ({@code ListSubstitution}), parsing
 *       ({@link dev.falconet.rules.parse.ConditionParser}), macro resolution ({@code MacroResolver}) and the
 *       unused-macro/list warnings.</li>
 * </ol>
 * Positions inside conditions map back to the files through {@link dev.falconet.rules.load.TracedText}.
 * Codes are listed in {@link dev.falconet.rules.load.LoadCodes}.
 */
package dev.falconet.rules.load;
