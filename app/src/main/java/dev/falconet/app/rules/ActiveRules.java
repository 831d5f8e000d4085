package dev.falconet.app.rules;

import dev.falconet.app.replay.DemoBundle;
import dev.falconet.engine.EngineOptions;
import dev.falconet.engine.RuleEngine;
import dev.falconet.rules.diag.Diagnostic;
import dev.falconet.rules.load.RulesSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Loads the rules the app runs: the files chosen in Settings, or the project's rules when none are. */
public final class ActiveRules {
    private ActiveRules() {}

    /** Builds an engine from {@code files}; with no files, from the packaged project rules. Never throws on bad input. */
    public static RuleEngine.Build load(List<Path> files, EngineOptions options) {
        if (files.isEmpty()) return RuleEngine.load(List.of(DemoBundle.rules()), options);
        RulesSource.Reading reading = RulesSource.readAll(files);
        RuleEngine.Build b = RuleEngine.load(reading.sources(), options);
        if (reading.diagnostics().isEmpty()) return b;
        List<Diagnostic> all = new ArrayList<>(reading.diagnostics());
        all.addAll(b.diagnostics());
        // a file that could not be read is an error even when the others compiled
        return new RuleEngine.Build(null, b.loaded(), all);
    }
}
