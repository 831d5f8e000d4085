package dev.falconet.rules.load;

import dev.falconet.rules.diag.Diagnostic;
import java.util.List;
import java.util.Optional;

/**
 * Everything loaded from the rules files, after merging, in Falco's order.
 *
 * @param rules                 syscall-source rules in evaluation order (Falco's index order: a redefined rule
 *                              keeps its first position); a rule whose condition failed has a null condition
 * @param macros                macros in definition order
 * @param lists                 lists in definition order
 * @param diagnostics           every error and warning, in the order found
 * @param requiredEngineVersion the highest {@code required_engine_version} seen, or "" when none
 */
public record LoadResult(List<LoadedRule> rules, List<LoadedMacro> macros, List<LoadedList> lists,
                         List<Diagnostic> diagnostics, String requiredEngineVersion) {
    public LoadResult {
        rules = List.copyOf(rules);
        macros = List.copyOf(macros);
        lists = List.copyOf(lists);
        diagnostics = List.copyOf(diagnostics);
    }

    public long errorCount() {
        return diagnostics.stream().filter(Diagnostic::isError).count();
    }

    public long warningCount() {
        return diagnostics.size() - errorCount();
    }

    public boolean hasErrors() {
        return errorCount() > 0;
    }

    public long enabledRuleCount() {
        return rules.stream().filter(LoadedRule::enabled).count();
    }

    public Optional<LoadedRule> rule(String name) {
        return rules.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    public Optional<LoadedMacro> macro(String name) {
        return macros.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    public Optional<LoadedList> list(String name) {
        return lists.stream().filter(l -> l.name().equals(name)).findFirst();
    }
}
