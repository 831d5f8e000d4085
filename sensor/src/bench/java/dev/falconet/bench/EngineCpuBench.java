package dev.falconet.bench;

import dev.falconet.engine.RuleEngine;
import dev.falconet.event.Event;
import dev.falconet.event.EventTypes;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Evaluation throughput in events per CPU-second of the evaluating thread: the
 * {@link EngineBenchmark#evaluate} workload measured with the thread's CPU clock, so other processes
 * on a busy machine do not count against it. Also prints the cost per event of the main event types.
 *
 * <pre>java -cp ... dev.falconet.bench.EngineCpuBench [rounds]</pre>
 */
public final class EngineCpuBench {
    private EngineCpuBench() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        RuleEngine engine = EngineBenchmark.buildEngine();
        if (System.getProperty("dbg.compileAll") != null) engine.compileAll();
        Event[] events = new MixedEventStream(7).take(EngineBenchmark.EVENTS).toArray(Event[]::new);
        System.out.printf("rule evaluations per event: %.2f%n", EngineBenchmark.ruleEvalsPerEvent(engine, events));
        Map<String, Event[]> byType = new LinkedHashMap<>();
        byType.put("all", events);
        for (String t : new String[] {"openat", "execve", "connect", "socket"}) {
            int id = EventTypes.id(t);
            byType.put(t, Arrays.stream(events).filter(e -> e.type() == id).toArray(Event[]::new));
        }
        for (int i = 0; i < rounds; i++) run(engine, events); // warm-up
        if (engine.generationFailure() != null) System.out.println("generated code failed: " + engine.generationFailure());
        for (Map.Entry<String, Event[]> x : byType.entrySet()) {
            Event[] ev = x.getValue();
            int reps = Math.max(1, rounds * events.length / Math.max(1, ev.length) / 10);
            double[] ns = new double[5];
            long sink = 0;
            for (int k = 0; k < ns.length; k++) {
                long cpu0 = mx.getCurrentThreadCpuTime();
                for (int i = 0; i < reps; i++) sink += run(engine, ev);
                ns[k] = (mx.getCurrentThreadCpuTime() - cpu0) / ((double) reps * ev.length);
            }
            Arrays.sort(ns);
            // other processes only ever add time (cache and core sharing): the best of five is the steadiest figure
            System.out.printf("%-8s best %6.0f ns/event = %5.2f M events per CPU-second; median %6.0f ns = %5.2f M/s  (%d matches)%n",
                    x.getKey(), ns[0], 1e3 / ns[0], ns[2], 1e3 / ns[2], sink);
        }
    }

    private static long run(RuleEngine engine, Event[] events) {
        long matches = 0;
        for (Event e : events) if (engine.firstMatch(e) != null) matches++;
        return matches;
    }
}
