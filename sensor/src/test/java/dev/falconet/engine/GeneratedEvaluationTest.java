package dev.falconet.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falconet.capture.EventSource;
import dev.falconet.engine.eval.Frame;
import dev.falconet.event.Event;
import dev.falconet.rules.load.RulesSource;
import dev.falconet.testing.SharedMaterial;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The generated evaluators give the same result as the condition nodes, rule by rule, on every
 * event of every rule fixture and every shared .scap capture: the nodes are what {@code explain}
 * shows, the generated code is what {@code replay} and the sensor run.
 */
class GeneratedEvaluationTest {

    @Test
    void generatedCodeAgreesWithTheNodesOnFixturesAndCaptures() throws IOException {
        Path root = repoRoot();
        List<Path> captures = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root.resolve("sensor/src/test/resources/fixtures"))) {
            s.filter(p -> p.toString().endsWith(".jsonl")).sorted().forEach(captures::add);
        }
        Path scap = SharedMaterial.find("captures/scap");
        if (scap != null) {
            try (Stream<Path> s = Files.list(scap)) {
                s.filter(p -> p.toString().endsWith(".scap")).sorted().forEach(captures::add);
            }
        }
        assertThat(captures).hasSizeGreaterThan(50);

        List<List<Path>> rulesets = new ArrayList<>();
        rulesets.add(List.of(root.resolve("rules/falconet_rules.yaml"), root.resolve("rules/examples/prod-only.yaml")));
        Path upstream = SharedMaterial.find("falco-upstream");
        if (upstream != null) {
            rulesets.add(List.of(upstream.resolve("falco_rules.yaml"), upstream.resolve("falco-incubating_rules.yaml"),
                    upstream.resolve("falco-sandbox_rules.yaml"), upstream.resolve("falco-deprecated_rules.yaml")));
        }
        // sample events for operand reordering (OperandOrder): every event of every capture, by type
        List<Event> sample = new ArrayList<>();
        for (Path capture : captures) {
            try (EventSource events = EventSource.open(capture)) {
                for (Event e = events.next(); e != null; e = events.next()) sample.add(e);
            }
        }
        long compared = 0;
        long matched = 0;
        for (List<Path> files : rulesets) {
            RuleEngine engine = load(files);
            engine.compileAll();
            assertThat(engine.generationFailure()).as("every event type's evaluator is generated").isNull();
            RuleEngine reordered = load(files);
            reordered.compileAll(sample);
            assertThat(reordered.generationFailure()).isNull();
            for (Path capture : captures) {
                try (EventSource events = EventSource.open(capture)) {
                    for (Event e = events.next(); e != null; e = events.next()) {
                        List<CompiledRule> nodes = engine.allMatches(e, false);
                        List<CompiledRule> generated = engine.allMatches(e, true);
                        assertThat(names(generated)).as("%s event %d (%s) with %s", capture.getParent().getFileName() + "/" + capture.getFileName(), e.num(), e.typeName(), files)
                                .isEqualTo(names(nodes));
                        assertThat(names(reordered.allMatches(e, true))).as("reordered operands: %s event %d (%s) with %s",
                                capture.getParent().getFileName() + "/" + capture.getFileName(), e.num(), e.typeName(), files)
                                .isEqualTo(names(nodes));
                        for (CompiledRule r : nodes) {
                            // the unspecialised condition (what explain walks) agrees too
                            assertThat(r.condition().eval(Frame.of(e))).as("%s on event %d", r.name(), e.num()).isTrue();
                            assertThat(engine.explain(r, e).matched()).isTrue();
                        }
                        compared += engine.candidates(e.type());
                        matched += nodes.size();
                    }
                }
            }
            assertThat(reordered.generatedFallbacks()).as("reordered code never threw").isZero();
            assertThat(engine.generatedFallbacks()).isZero();
        }
        assertThat(compared).isGreaterThan(1_000);
        assertThat(matched).as("matches seen (fixtures have positives)").isGreaterThan(20);
    }

    @Test
    void streamsSwitchToGeneratedCodeWithTheSameAlerts() {
        Path upstream = SharedMaterial.find("falco-upstream");
        Assumptions.assumeTrue(upstream != null, "../shared/falco-upstream is absent: test skipped");
        Path capture = SharedMaterial.find("captures/scap");
        Assumptions.assumeTrue(capture != null, "../shared/captures/scap is absent: test skipped");
        List<Path> files = List.of(upstream.resolve("falco_rules.yaml"));
        RuleEngine lazy = load(files);
        lazy.compileAfter(50);
        RuleEngine eager = load(files);
        eager.compileAll();
        assertThat(lazy.generatedTypes()).isZero();
        // the same capture many times over: the lazy engine switches to generated code mid-stream
        for (int pass = 0; pass < 3; pass++) {
            try (EventSource a = EventSource.open(capture.resolve("libs_curl_google.scap"));
                 EventSource b = EventSource.open(capture.resolve("libs_curl_google.scap"))) {
                for (Event x = a.next(), y = b.next(); x != null; x = a.next(), y = b.next()) {
                    List<String> la = new ArrayList<>();
                    List<String> lb = new ArrayList<>();
                    lazy.process(x, al -> la.add(al.rule()));
                    eager.process(y, al -> lb.add(al.rule()));
                    assertThat(la).isEqualTo(lb);
                }
            }
        }
        assertThat(lazy.generatedTypes()).as("event types switched to generated code").isPositive();
    }

    private static RuleEngine load(List<Path> files) {
        RulesSource.Reading reading = RulesSource.readAll(files);
        assertThat(reading.diagnostics()).isEmpty();
        RuleEngine.Build b = RuleEngine.load(reading.sources(), EngineOptions.defaults());
        assertThat(b.ok()).as("rules load: %s", b.diagnostics()).isTrue();
        return b.engine();
    }

    private static List<String> names(List<CompiledRule> rules) {
        return rules.stream().map(CompiledRule::name).toList();
    }

    private static Path repoRoot() {
        Path d = Path.of("").toAbsolutePath();
        while (d != null && !Files.isRegularFile(d.resolve("mvnw"))) d = d.getParent();
        if (d == null) throw new IllegalStateException("no mvnw above " + Path.of("").toAbsolutePath());
        return d;
    }
}
