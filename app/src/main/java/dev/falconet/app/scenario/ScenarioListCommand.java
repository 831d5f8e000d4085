package dev.falconet.app.scenario;

import dev.falconet.scenario.Scenario;
import dev.falconet.scenario.ScenarioCatalog;
import dev.falconet.scenario.run.ScenarioBackend;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code falconet scenario list}: the catalogue, with what each backend needs here; files with errors are reported. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List the scenarios: id, group, the rules they expect, and whether each backend can run them here.",
                "Scenario files with errors are reported on stderr (file:line:column) and left out."},
        footer = {"", "Exit codes: 0 listed, 1 some scenario file has errors, 2 usage."})
final class ScenarioListCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    ScenarioCommand parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "Print the scenarios and diagnostics as JSON on stdout.")
    boolean json;

    @Option(names = "--lang", defaultValue = "en", description = "Language of the titles: en or ru (default en).")
    String lang;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ScenarioCatalog c = parent.catalog();
        List<ScenarioBackend> backends = new ArrayList<>();
        for (String b : ScenarioBackends.NAMES) backends.add(ScenarioBackends.open(b, parent.repoRoot()));
        try {
            List<Map<String, Object>> items = new ArrayList<>();
            for (Scenario s : c.scenarios()) {
                Map<String, String> why = new LinkedHashMap<>();
                for (ScenarioBackend b : backends) why.put(b.name(), b.unavailable(s).orElse(null));
                if (json) {
                    items.add(ScenarioJson.scenario(s, why));
                } else {
                    String live = why.entrySet().stream().filter(e -> e.getValue() == null).map(Map.Entry::getKey).reduce((a, b) -> a + "," + b).orElse("none");
                    out.printf("%-34s %-8s %-46s %s%n", s.id(), s.group(), s.title().in(lang), "backends here: " + live);
                }
            }
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("scenarios", items);
                doc.put("diagnostics", c.diagnostics().stream().map(ScenarioJson::diagnostic).toList());
                out.println(ScenarioJson.write(doc));
            } else {
                out.printf("%d scenarios%n", c.scenarios().size());
            }
            out.flush();
            boolean errors = json ? c.hasErrors() : ScenarioCommand.report(c, err);
            return ScenarioCommand.exitFor(errors);
        } finally {
            for (ScenarioBackend b : backends) b.close();
        }
    }
}
