package dev.falconet.bench;

import dev.falconet.engine.EngineOptions;
import dev.falconet.engine.RuleEngine;
import dev.falconet.event.Event;
import dev.falconet.rules.load.RulesSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Rule engine throughput on one core: the upstream stable + incubating + sandbox rules evaluated
 * over a realistic mixed event stream ({@link MixedEventStream}), Falco-style (first match,
 * event-type index). Run with {@code bench/engine-bench.sh}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineBenchmark {
    static final int EVENTS = 65_536;

    RuleEngine engine;
    Event[] events;

    @Setup(Level.Trial)
    public void setup() {
        engine = buildEngine();
        events = new MixedEventStream(7).take(EVENTS).toArray(Event[]::new);
    }

    static RuleEngine buildEngine() {
        RuleEngine.Build b = RuleEngine.load(BenchRules.maintained(), EngineOptions.defaults());
        if (!b.ok()) throw new IllegalStateException("rules failed to load: " + b.diagnostics());
        return b.engine();
    }

    /** Events per second: each operation is one event through the index and the candidate rules. */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void evaluate(Blackhole bh) {
        for (Event e : events) bh.consume(engine.firstMatch(e));
    }

    /** Rule evaluations per event on this stream (printed once, for the report). */
    public static double ruleEvalsPerEvent(RuleEngine engine, Event[] events) {
        long n = 0;
        for (Event e : events) n += engine.candidates(e.type());
        return (double) n / events.length;
    }

    static final class BenchRules {
        static List<RulesSource> maintained() {
            Path dir = upstreamDir();
            return RulesSource.readAll(List.of(dir.resolve("falco_rules.yaml"), dir.resolve("falco-incubating_rules.yaml"),
                    dir.resolve("falco-sandbox_rules.yaml"))).sources();
        }

        static Path upstreamDir() {
            String prop = System.getProperty("falconet.upstream");
            if (prop != null) return Path.of(prop);
            for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
                Path c = p.resolveSibling("shared").resolve("falco-upstream");
                if (Files.isDirectory(c)) return c;
            }
            throw new IllegalStateException("../shared/falco-upstream not found; pass -Dfalconet.upstream=DIR");
        }
    }
}
