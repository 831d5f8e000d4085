package dev.falconet.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.falconet.engine.CompiledRule;
import dev.falconet.engine.RuleEngine;
import dev.falconet.rules.diag.Diagnostic;
import dev.falconet.rules.load.LoadResult;
import dev.falconet.rules.load.RulesSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code falconet validate}: checks rules files like {@code falco -V}, reporting every problem at once. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check rules files like 'falco -V', reporting every problem at once.",
                "Checks YAML, items, appends and overrides, lists, macros, conditions and outputs.",
                "Prints every error and warning as FILE:LINE:COL: error|warning CODE: item: message, then a summary."},
        footer = {"", "Exit codes: 0 no errors (warnings allowed), 1 errors, 2 usage."})
public final class ValidateCommand implements Callable<Integer> {
    @Mixin
    RulesOptions rules;

    @Option(names = "--json", description = "Print one JSON object: counts, diagnostics, and each rule's event types.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        RulesSource.Reading reading = RulesSource.readAll(rules.files());
        RuleEngine.Build build = RuleEngine.load(reading.sources(), rules.engineOptions());
        List<Diagnostic> diags = new ArrayList<>(reading.diagnostics());
        diags.addAll(build.diagnostics());
        // file order as given, then position: the order a reader of the files expects
        List<String> order = reading.sources().stream().map(src -> src.name()).toList();
        diags.sort(java.util.Comparator.<Diagnostic>comparingInt(d -> order.indexOf(d.file()) < 0 ? Integer.MAX_VALUE : order.indexOf(d.file()))
                .thenComparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column));
        long errors = diags.stream().filter(Diagnostic::isError).count();
        long warnings = diags.size() - errors;
        LoadResult loaded = build.loaded();
        int rulesCount = loaded.rules().size();
        long enabled = loaded.rules().stream().filter(r -> r.enabled()).count();
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("errors", errors);
            o.put("warnings", warnings);
            o.put("rules", rulesCount);
            o.put("enabled_rules", enabled);
            o.put("macros", loaded.macros().size());
            o.put("lists", loaded.lists().size());
            List<Map<String, Object>> ds = new ArrayList<>();
            for (Diagnostic d : diags) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("file", d.file());
                m.put("line", d.line());
                m.put("column", d.column());
                m.put("severity", d.severity().lower());
                m.put("code", d.code());
                m.put("item", d.item());
                m.put("message", d.message());
                ds.add(m);
            }
            o.put("diagnostics", ds);
            Map<String, Object> types = new TreeMap<>();
            if (build.engine() != null) {
                for (CompiledRule r : build.engine().rules()) types.put(r.name(), r.eventTypes().names());
            }
            o.put("rule_event_types", types);
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(o));
        } else {
            for (Diagnostic d : diags) out.println(d.format());
            for (Path f : rules.files()) {
                String name = f.toString();
                boolean fileErrors = diags.stream().anyMatch(d -> d.isError() && d.file().startsWith(name));
                boolean fileWarnings = diags.stream().anyMatch(d -> !d.isError() && d.file().startsWith(name));
                out.println(name + ": " + (fileErrors ? "Invalid" : fileWarnings ? "Ok, with warnings" : "Ok"));
            }
            out.printf("%d rules (%d enabled), %d macros, %d lists; %d errors, %d warnings%n",
                    rulesCount, enabled, loaded.macros().size(), loaded.lists().size(), errors, warnings);
        }
        out.flush();
        return errors > 0 ? FalconetCli.EXIT_FINDINGS : FalconetCli.EXIT_OK;
    }
}
