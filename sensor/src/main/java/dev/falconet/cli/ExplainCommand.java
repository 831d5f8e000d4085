package dev.falconet.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.falconet.capture.CaptureException;
import dev.falconet.capture.EventSource;
import dev.falconet.engine.CompiledRule;
import dev.falconet.engine.EngineOptions;
import dev.falconet.engine.RuleEngine;
import dev.falconet.engine.explain.ExplainJson;
import dev.falconet.engine.explain.ExplainNode;
import dev.falconet.engine.explain.FieldRead;
import dev.falconet.event.Event;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code falconet explain}: why a rule matched, or did not match, each event of a capture. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Explain why a rule matches, or does not match, the events of a capture.",
                "Prints the evaluation tree: every macro and sub-expression with its truth value and the field values it read,",
                "and which part made the rule false."},
        footer = {"", "Exit codes: 0 the rule matched at least one explained event, 1 it matched none (or bad input), 2 usage."})
public final class ExplainCommand implements Callable<Integer> {
    @Mixin
    RulesOptions rules;

    @Option(names = {"-e", "--events"}, paramLabel = "CAPTURE", required = true, description = "The capture to read events from (Falconet JSON Lines or .scap).")
    Path capture;

    @Option(names = "--rule", paramLabel = "NAME", required = true, description = "The rule to explain.")
    String ruleName;

    @Option(names = "--event", paramLabel = "N", description = "Only the event with this evt.num (default: every event).")
    Long eventNum;

    @Option(names = "--json", description = "Print a JSON array of explanations.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        EngineOptions options = rules.engineOptions().withRuleMatching(dev.falconet.engine.RuleMatching.ALL);
        RuleEngine engine = rules.loadOrReport(options, err);
        if (engine == null) return FalconetCli.EXIT_FINDINGS;
        Optional<CompiledRule> rule = engine.rule(ruleName);
        if (rule.isEmpty()) {
            err.println("falconet explain: no rule named '" + ruleName + "' in the loaded files" + nearest(engine));
            return FalconetCli.EXIT_USAGE;
        }
        List<Map<String, Object>> jsonOut = new ArrayList<>();
        boolean anyMatch = false;
        int explained = 0;
        try (EventSource reader = EventSource.open(capture)) {
            Event e;
            while ((e = reader.next()) != null) {
                if (eventNum != null && e.num() != eventNum) continue;
                RuleEngine.Explanation x = engine.explain(rule.get(), e);
                explained++;
                anyMatch |= x.matched();
                if (json) jsonOut.add(toJson(x));
                else print(out, x);
            }
        } catch (CaptureException ex) {
            err.println("falconet explain: " + ex.getMessage());
            return FalconetCli.EXIT_FINDINGS;
        }
        if (json) out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(jsonOut));
        else if (explained == 0) out.println(eventNum == null ? "The capture has no events." : "No event with evt.num=" + eventNum + ".");
        out.flush();
        return anyMatch ? FalconetCli.EXIT_OK : FalconetCli.EXIT_FINDINGS;
    }

    private String nearest(RuleEngine engine) {
        String lower = ruleName.toLowerCase(java.util.Locale.ROOT);
        return engine.rules().stream().map(CompiledRule::name)
                .filter(n -> n.toLowerCase(java.util.Locale.ROOT).contains(lower) || lower.contains(n.toLowerCase(java.util.Locale.ROOT)))
                .findFirst().map(n -> " (did you mean '" + n + "'?)").orElse("");
    }

    private static void print(PrintWriter out, RuleEngine.Explanation x) {
        Event e = x.event();
        out.printf("event %d (%s, %s): rule '%s' %s%n", e.num(), e.typeName(), e.thread().comm(), x.rule().name(),
                x.matched() ? "MATCHES" : "does not match");
        if (!x.enabled()) out.println("  the rule is disabled");
        if (!x.appliesToEventType()) {
            out.printf("  the rule only applies to event types %s, not %s%n", x.rule().eventTypes(), e.typeName());
        }
        printNode(out, x.tree(), "  ");
        if (!x.matched() && x.appliesToEventType()) {
            out.println("  why not:");
            for (ExplainNode n : x.tree().decisiveChecks()) out.println("    " + n.text() + reads(n));
        }
        out.println();
    }

    private static void printNode(PrintWriter out, ExplainNode n, String indent) {
        String mark = switch (n.outcome()) {
            case TRUE -> "[true] ";
            case FALSE -> "[false]";
            case NOT_EVALUATED -> "[skip] ";
        };
        String label = switch (n.kind()) {
            case AND -> "and";
            case OR -> "or";
            case NOT -> "not";
            case MACRO -> "macro " + n.text();
            case CHECK -> n.text() + reads(n);
        };
        out.println(indent + mark + " " + label);
        for (ExplainNode c : n.children()) printNode(out, c, indent + "    ");
    }

    private static String reads(ExplainNode n) {
        if (n.reads().isEmpty()) return "";
        StringBuilder sb = new StringBuilder("   <- ");
        for (int i = 0; i < n.reads().size(); i++) {
            FieldRead r = n.reads().get(i);
            if (i > 0) sb.append(", ");
            sb.append(r.field()).append('=').append(r.missing() ? "<NA> (" + r.why() + ")" : r.value());
        }
        return sb.toString();
    }

    private static Map<String, Object> toJson(RuleEngine.Explanation x) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", x.event().num());
        m.put("evt.type", x.event().typeName());
        m.put("rule", x.rule().name());
        m.put("enabled", x.enabled());
        m.put("applies_to_event_type", x.appliesToEventType());
        m.put("matched", x.matched());
        m.put("tree", ExplainJson.node(x.tree()));
        m.put("why_not", x.matched() ? List.of() : x.tree().decisiveChecks().stream().map(ExplainNode::text).toList());
        return m;
    }

}
