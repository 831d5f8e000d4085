package dev.falconet.scenario;

import dev.falconet.engine.EngineOptions;
import dev.falconet.engine.RuleEngine;
import dev.falconet.rules.diag.Diagnostic;
import dev.falconet.rules.load.RulesSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Rules engines by list of rules files, loaded once: the loader checks expectations against the rule
 * names, the runner evaluates with the engine. Thread-safe.
 */
public final class RulesCache {
    /**
     * A loaded list of rules files.
     *
     * @param engine the engine, or null when the files do not load
     * @param errors the errors that stopped loading (empty when {@code engine} is set)
     */
    public record Loaded(RuleEngine engine, List<Diagnostic> errors) {
        public Loaded {
            errors = List.copyOf(errors);
        }

        /** The names of the rules the files define (empty when they do not load). */
        public Set<String> ruleNames() {
            if (engine == null) return Set.of();
            return engine.rules().stream().map(r -> r.name()).collect(Collectors.toUnmodifiableSet());
        }
    }

    private final EngineOptions options;
    private final Map<List<Path>, Loaded> loaded = new HashMap<>();

    public RulesCache(EngineOptions options) {
        this.options = options;
    }

    /**
     * With the engine's default options (as {@code falconet replay} without flags), except that the lab's
     * names resolve as in the lab cluster ({@link LabNetwork}).
     */
    public RulesCache() {
        this(EngineOptions.defaults().withResolver(LabNetwork.RESOLVER));
    }

    /** The engine for these rules files, in order; loaded on first use. Never throws on bad rules. */
    public synchronized Loaded load(List<Path> files) {
        List<Path> key = files.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        Loaded l = loaded.get(key);
        if (l != null) return l;
        RulesSource.Reading reading = RulesSource.readAll(key);
        List<Diagnostic> errors = new ArrayList<>(reading.diagnostics().stream().filter(Diagnostic::isError).toList());
        RuleEngine engine = null;
        if (errors.isEmpty()) {
            RuleEngine.Build build = RuleEngine.load(reading.sources(), options);
            engine = build.engine();
            if (!build.ok() || engine == null) errors.addAll(build.diagnostics().stream().filter(Diagnostic::isError).toList());
        }
        l = new Loaded(errors.isEmpty() ? engine : null, errors);
        loaded.put(key, l);
        return l;
    }
}
