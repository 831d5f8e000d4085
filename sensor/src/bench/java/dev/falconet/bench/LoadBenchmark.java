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
 * already in memory): {@code first} is the first load in a fresh JVM (single shot, one per fork),
 * {@code repeated} a load in a warm JVM.
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

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 5, time = 2)
    @Measurement(iterations = 5, time = 2)
    @Fork(1)
    public RuleEngine repeated() {
        return RuleEngine.load(sources, EngineOptions.defaults()).engine();
    }
}
