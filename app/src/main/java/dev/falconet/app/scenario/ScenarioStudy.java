package dev.falconet.app.scenario;

import dev.falconet.app.i18n.Msg;
import dev.falconet.app.rules.ExplainLine;
import dev.falconet.engine.RuleEngine;
import dev.falconet.engine.CompiledRule;
import dev.falconet.event.Event;
import dev.falconet.capture.EventSource;
import dev.falconet.scenario.AbsentRule;
import dev.falconet.scenario.AlertExpectation;
import dev.falconet.scenario.RulesCache;
import dev.falconet.scenario.Scenario;
import dev.falconet.scenario.run.ReplayBackend;
import dev.falconet.scenario.run.ScenarioObserver;
import dev.falconet.scenario.run.ScenarioResult;
import dev.falconet.scenario.run.ScenarioRunner;
import dev.falconet.scenario.run.SeenAlert;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the Scenarios page shows about one run: the scenario is replayed through its own rules (the same
 * runner and matcher as {@code falconet scenario run}), then each alert's rule is explained against the event
 * that raised it, and each rule that stayed silent (an {@code absent} rule, or an expected one that did not fire)
 * against the capture's events it looks at ("why not").
 */
public final class ScenarioStudy {
    private final RulesCache rules;

    public ScenarioStudy(RulesCache rules) {
        this.rules = rules;
    }

    /**
     * One rule seen against one event.
     *
     * @param rule     the rule's name
     * @param fired    whether it fired in the run
     * @param yaml     the rule as written in its rules file ("" when not found)
     * @param lines    the evaluation tree, flattened (empty when the rule is not loaded or looks at none of the events)
     * @param eventNum the event explained, or -1
     * @param note     why there is no tree (or the rule is disabled), or null
     */
    public record RuleView(String rule, boolean fired, String yaml, List<ExplainLine> lines, long eventNum, Msg note) {
        public RuleView {
            lines = List.copyOf(lines);
        }
    }

    /** A run and its explanations. */
    public record Study(ScenarioResult result, List<RuleView> rules) {
        public Study {
            rules = List.copyOf(rules);
        }

        public Optional<RuleView> rule(String name) {
            return rules.stream().filter(r -> r.rule().equals(name)).findFirst();
        }
    }

    /** Replays the scenario and explains its rules (seconds at most; call it off the UI thread). */
    public Study replay(Scenario s, ScenarioObserver observer) {
        ScenarioResult result;
        try (ReplayBackend backend = new ReplayBackend()) {
            result = new ScenarioRunner(rules).run(s, backend, observer);
        }
        RulesCache.Loaded loaded = rules.load(s.rulePaths());
        List<RuleView> views = new ArrayList<>();
        if (loaded.engine() == null) return new Study(result, views);
        Set<String> fired = new LinkedHashSet<>();
        for (SeenAlert a : result.alerts()) {
            if (fired.add(a.rule())) views.add(explainFired(s, loaded.engine(), a));
        }
        Set<String> silent = new LinkedHashSet<>();
        for (AlertExpectation e : s.expect().alerts()) if (!fired.contains(e.rule())) silent.add(e.rule());
        for (AbsentRule r : s.expect().absent()) if (!fired.contains(r.rule())) silent.add(r.rule());
        for (String r : silent) views.add(whyNot(s, loaded.engine(), r));
        return new Study(result, views);
    }

    private RuleView explainFired(Scenario s, RuleEngine engine, SeenAlert a) {
        String yaml = RuleSource.find(s.rulePaths(), a.rule()).orElse("");
        Optional<CompiledRule> rule = engine.rule(a.rule());
        if (rule.isEmpty()) return new RuleView(a.rule(), true, yaml, List.of(), -1, Msg.of("scenarios.note.notloaded"));
        try (EventSource src = EventSource.open(s.captureFile())) {
            for (Event e = src.next(); e != null; e = src.next()) {
                if (e.ts() != a.alert().timeNanos()) continue;
                RuleEngine.Explanation x = engine.explain(rule.get(), e);
                if (x.matched()) return new RuleView(a.rule(), true, yaml, ExplainLine.flatten(x.tree()), e.num(), null);
            }
        } catch (Exception e) {
            return new RuleView(a.rule(), true, yaml, List.of(), -1, Msg.of("scenarios.note.capture", String.valueOf(e.getMessage())));
        }
        return new RuleView(a.rule(), true, yaml, List.of(), -1, Msg.of("scenarios.note.noevent"));
    }

    /** The rule against the last event of the capture it looks at: the decisive false checks say why it stayed silent. */
    private RuleView whyNot(Scenario s, RuleEngine engine, String name) {
        String yaml = RuleSource.find(s.rulePaths(), name).orElse("");
        Optional<CompiledRule> rule = engine.rule(name);
        if (rule.isEmpty()) return new RuleView(name, false, yaml, List.of(), -1, Msg.of("scenarios.note.notloaded"));
        RuleEngine.Explanation best = null;
        try (EventSource src = EventSource.open(s.captureFile())) {
            for (Event e = src.next(); e != null; e = src.next()) {
                RuleEngine.Explanation x = engine.explain(rule.get(), e);
                if (x.appliesToEventType()) best = x;
            }
        } catch (Exception e) {
            return new RuleView(name, false, yaml, List.of(), -1, Msg.of("scenarios.note.capture", String.valueOf(e.getMessage())));
        }
        if (best == null) return new RuleView(name, false, yaml, List.of(), -1, Msg.of("scenarios.note.notype"));
        if (!best.enabled()) return new RuleView(name, false, yaml, ExplainLine.flatten(best.tree()), best.event().num(), Msg.of("scenarios.note.disabled"));
        return new RuleView(name, false, yaml, ExplainLine.flatten(best.tree()), best.event().num(), null);
    }
}
