package dev.falconet.bench;

import dev.falconet.engine.EngineOptions;
import dev.falconet.engine.RuleEngine;
import dev.falconet.rules.load.RulesSource;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rules read + resolve + compile + index time for the three maintained upstream files (the text
 * already in memory): {@code first*} is the first load in a fresh JVM (single shot, one per fork),
 * {@code repeated} a load in a warm JVM.
 *
 * <p>The first load is measured three ways: {@code first} in a plain JVM (no start-up cache, default
 * compilers); {@code firstCached} with the JDK 25 AOT cache the {@code ./falconet} launcher gives every
 * command but the desktop app (default compilers: replay, scenario, ...); {@code firstCachedCli} with that
 * cache and the flags of the launcher's one-shot commands ({@code validate}, {@code explain}: client
 * compiler only, serial GC). The caches are made by {@code bench/engine-bench.sh} (a training run of
 * {@link ColdLoadStages}, as the launcher's training validates the rules) at the paths below, relative to
 * the repository root; {@code -XX:AOTMode=on} makes a fork fail rather than run without its cache. The
 * class path must be jars, as the script gives it (an AOT cache does not cover class directories).
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LoadBenchmark {
    List<RulesSource> sources;

    @Setup
    public void setup() {
        sources = EngineBenchmark.BenchRules.maintained();
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(10)
    public RuleEngine first() {
        return RuleEngine.load(sources, EngineOptions.defaults()).engine();
    }

    /** AOT cache trained with the default flags (see {@link ColdLoadStages}); made by bench/engine-bench.sh. */
    static final String CACHE = "-XX:AOTCache=bench/out/load.aot";
    /** AOT cache trained with the launcher's one-shot flags. */
    static final String CACHE_CLI = "-XX:AOTCache=bench/out/load-cli.aot";

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(value = 10, jvmArgsAppend = {CACHE, "-XX:AOTMode=on"})
    public RuleEngine firstCached() {
        return RuleEngine.load(sources, EngineOptions.defaults()).engine();
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(value = 10, jvmArgsAppend = {CACHE_CLI, "-XX:AOTMode=on", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"})
    public RuleEngine firstCachedCli() {
        return RuleEngine.load(sources, EngineOptions.defaults()).engine();
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 5, time = 2)
    @Measurement(iterations = 5, time = 2)
    @Fork(1)
    public RuleEngine repeated() {
        return RuleEngine.load(sources, EngineOptions.defaults()).engine();
    }
}
