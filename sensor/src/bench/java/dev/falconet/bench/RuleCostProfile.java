package dev.falconet.bench;

import dev.falconet.engine.CompiledRule;
import dev.falconet.engine.RuleEngine;
import dev.falconet.engine.eval.Frame;
import dev.falconet.engine.eval.Node;
import dev.falconet.event.Event;
import dev.falconet.event.EventTypes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints what each candidate rule costs per event on the mixed stream, evaluated as the engine does
 * (conditions specialised per event type, one frame per event shared by the rules in order), for
 * the main event types: a diagnostic for benchmark work.
 */
public final class RuleCostProfile {
    private RuleCostProfile() {}

    public static void main(String[] args) {
        RuleEngine engine = EngineBenchmark.buildEngine();
        Event[] events = new MixedEventStream(7).take(EngineBenchmark.EVENTS).toArray(Event[]::new);
        System.out.printf("rule evals per event: %.2f%n", EngineBenchmark.ruleEvalsPerEvent(engine, events));
        for (String type : args.length > 0 ? args : new String[] {"openat", "execve", "connect"}) {
            int t = EventTypes.id(type);
            List<CompiledRule> rules = new ArrayList<>();
            List<Node> conds = new ArrayList<>();
            for (CompiledRule r : engine.rules()) {
                if (!r.enabled() || !r.eventTypes().contains(t)) continue;
                rules.add(r);
                conds.add(r.condition().specialize(t));
            }
            Map<String, long[]> cost = new LinkedHashMap<>();
            for (CompiledRule r : rules) cost.put(r.name(), new long[2]);
            Frame f = new Frame(1024);
            for (int round = 0; round < 30; round++) {
                for (Event e : events) {
                    if (e.type() != t) continue;
                    f.reset(e);
                    for (int i = 0; i < conds.size(); i++) {
                        long t0 = System.nanoTime();
                        boolean m = conds.get(i).eval(f);
                        long dt = System.nanoTime() - t0;
                        if (round >= 20) {
                            long[] c = cost.get(rules.get(i).name());
                            c[0] += dt;
                            c[1] += m ? 1 : 0;
                        }
                    }
                }
            }
            long n = 0;
            for (Event e : events) if (e.type() == t) n += 10;
            System.out.printf("== %s: %d candidate rules%n", type, rules.size());
            final long events10 = n;
            cost.forEach((name, c) -> System.out.printf("%8.0f ns/event  %5.1f%% match  %s%n", (double) c[0] / events10,
                    100.0 * c[1] / events10, name));
        }
    }
}
