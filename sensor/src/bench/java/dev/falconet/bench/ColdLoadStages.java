package dev.falconet.bench;

import dev.falconet.engine.EngineOptions;
import dev.falconet.engine.RuleEngine;
import dev.falconet.fields.FieldRegistry;
import dev.falconet.rules.load.LoadResult;
import dev.falconet.rules.load.RulesLoader;
import dev.falconet.rules.load.RulesSource;
import java.util.List;

/**
 * The first rules load in a fresh JVM, stage by stage (field registry, read + merge + resolve,
 * compile + index), in wall and thread CPU time: where {@code LoadBenchmark.first} spends its time.
 * With the argument {@code whole}: {@code RuleEngine.load} as one call, as the product makes it.
 *
 * <p>It measures the JVM it runs in and says which: with or without an AOT cache
 * ({@code -XX:AOTCache=...}, as the {@code ./falconet} launcher gives its commands) and the compiler and GC
 * flags. Run with {@code -XX:AOTCacheOutput=FILE}, it is the training run that makes such a cache
 * ({@code bench/engine-bench.sh} does both; the class path must then be jars).
 */
public final class ColdLoadStages {
    private ColdLoadStages() {}

    public static void main(String[] args) {
        List<RulesSource> sources = EngineBenchmark.BenchRules.maintained();
        if (args.length > 0 && args[0].equals("whole")) {
            var bean = java.lang.management.ManagementFactory.getThreadMXBean();
            long w = System.nanoTime();
            long cpu = java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? os.getProcessCpuTime() : 0;
            RuleEngine.Build b = RuleEngine.load(sources, EngineOptions.defaults());
            long cpu2 = java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? os.getProcessCpuTime() : 0;
            System.out.printf("RuleEngine.load: %6.1f ms wall, %6.1f ms process CPU (all threads, JIT included), %s [%s]%n",
                    (System.nanoTime() - w) / 1e6, (cpu2 - cpu) / 1e6, b.ok() ? b.engine().rules().size() + " rules" : "failed", jvm());
            return;
        }
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long w0 = System.nanoTime(), c0 = mx.getCurrentThreadCpuTime();
        FieldRegistry.standard();
        long w1 = System.nanoTime(), c1 = mx.getCurrentThreadCpuTime();
        LoadResult loaded = new RulesLoader(name -> true).load(sources);
        long w2 = System.nanoTime(), c2 = mx.getCurrentThreadCpuTime();
        RuleEngine.Build b = RuleEngine.build(loaded, EngineOptions.defaults());
        long w3 = System.nanoTime(), c3 = mx.getCurrentThreadCpuTime();
        System.out.printf("field registry      %6.1f ms wall %6.1f ms cpu%n", (w1 - w0) / 1e6, (c1 - c0) / 1e6);
        System.out.printf("read+merge+resolve  %6.1f ms wall %6.1f ms cpu%n", (w2 - w1) / 1e6, (c2 - c1) / 1e6);
        System.out.printf("compile+index       %6.1f ms wall %6.1f ms cpu%n", (w3 - w2) / 1e6, (c3 - c2) / 1e6);
        System.out.printf("total               %6.1f ms wall (%s rules) [%s]%n", (w3 - w0) / 1e6, b.ok() ? b.engine().rules().size() : "failed", jvm());
    }

    /** The flags that decide a cold load's cost: start-up cache, compilers, GC. */
    static String jvm() {
        StringBuilder sb = new StringBuilder();
        for (String a : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("-XX:AOTCache") || a.startsWith("-XX:TieredStopAtLevel") || a.startsWith("-XX:+Use") || a.startsWith("-XX:SharedArchiveFile")) {
                if (!sb.isEmpty()) sb.append(' ');
                int eq = a.indexOf('=');
                sb.append(a.startsWith("-XX:AOTCache") ? a.substring(0, eq + 1) + a.substring(a.lastIndexOf('/') + 1) : a);
            }
        }
        return sb.isEmpty() ? "no start-up cache, default flags" : sb.toString();
    }
}
