package dev.falconet.bench;

import dev.falconet.engine.CompiledRule;
import dev.falconet.engine.RuleEngine;
import dev.falconet.event.Event;
import java.util.HashMap;
import java.util.Map;

/** Prints the rules that cost the most on the mixed stream (a diagnostic for benchmark work). */
public final class RuleCostProfile {
    private RuleCostProfile() {}

    public static void main(String[] args) {
        RuleEngine engine = EngineBenchmark.buildEngine();
        Event[] events = new MixedEventStream(7).take(EngineBenchmark.EVENTS).toArray(Event[]::new);
        Map<String, long[]> cost = new HashMap<>();
        for (int round = 0; round < 5; round++) {
            for (Event e : events) {
                for (CompiledRule r : engine.rules()) {
                    if (!r.enabled() || !r.eventTypes().contains(e.type())) continue;
                    long t0 = System.nanoTime();
                    r.condition().eval(e);
                    long dt = System.nanoTime() - t0;
                    if (round == 4) cost.computeIfAbsent(r.name(), k -> new long[2])[0] += dt;
                    if (round == 4) cost.get(r.name())[1]++;
                }
            }
        }
        System.out.printf("rule evals per event: %.2f%n", EngineBenchmark.ruleEvalsPerEvent(engine, events));
        cost.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0])).limit(15)
                .forEach(x -> System.out.printf("%10.1f ms %8d evals %8.0f ns/eval  %s%n", x.getValue()[0] / 1e6, x.getValue()[1],
                        (double) x.getValue()[0] / x.getValue()[1], x.getKey()));
    }
}
