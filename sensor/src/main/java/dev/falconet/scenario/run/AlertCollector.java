package dev.falconet.scenario.run;

import dev.falconet.engine.RuleEngine;
import dev.falconet.event.Event;
import dev.falconet.fields.BoundField;
import dev.falconet.fields.FieldRegistry;
import dev.falconet.fields.UseContext;
import dev.falconet.output.Alert;
import dev.falconet.scenario.AlertExpectation;
import dev.falconet.scenario.FieldCheck;
import dev.falconet.scenario.Scenario;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The evaluate stage of a scenario run that sees events (replay, the live podman run): each event through
 * the scenario's rules; each alert kept with the step that caused it and the values of the fields the
 * expectations name, read from the event while its state is current. Thread-safe for one writer.
 */
public final class AlertCollector {
    private final Scenario scenario;
    private final RuleEngine engine;
    private final ScenarioObserver observer;
    private final StepAttribution steps;
    private final Map<String, BoundField> fields = new LinkedHashMap<>();
    private final List<SeenAlert> alerts = Collections.synchronizedList(new ArrayList<>());

    public AlertCollector(Scenario scenario, RuleEngine engine, ScenarioObserver observer) {
        this.scenario = scenario;
        this.engine = engine;
        this.observer = observer;
        this.steps = new StepAttribution(scenario.steps());
        Set<String> names = new LinkedHashSet<>();
        for (AlertExpectation a : scenario.expect().alerts()) names.addAll(a.fields().keySet());
        for (String n : names) {
            String name = n;
            String arg = null;
            int b = n.indexOf('[');
            if (b > 0 && n.endsWith("]")) {
                name = n.substring(0, b);
                arg = n.substring(b + 1, n.length() - 1);
            }
            var bound = FieldRegistry.standard().bind(name, arg, UseContext.CONDITION);
            if (bound.isOk()) fields.put(n, bound.field());
        }
    }

    /** The step attribution this collector uses. */
    public StepAttribution steps() {
        return steps;
    }

    /** Evaluates one event; returns how many alerts it gave. */
    public int accept(Event e) {
        List<Alert> fired = new ArrayList<>(1);
        engine.process(e, fired::add);
        if (fired.isEmpty()) return 0;
        String step = steps.stepOrOnly(e.thread());
        Map<String, String> values = new LinkedHashMap<>();
        for (var f : fields.entrySet()) values.put(f.getKey(), FieldCheck.text(f.getValue().extract(e)));
        for (Alert a : fired) {
            SeenAlert seen = new SeenAlert(a, step, values);
            alerts.add(seen);
            observer.alertSeen(scenario, seen);
        }
        return fired.size();
    }

    /** The alerts so far, in order. */
    public List<SeenAlert> alerts() {
        synchronized (alerts) {
            return List.copyOf(alerts);
        }
    }
}
