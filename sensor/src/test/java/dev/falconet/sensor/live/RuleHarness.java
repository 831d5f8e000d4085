package dev.falconet.sensor.live;

import dev.falconet.engine.EngineOptions;
import dev.falconet.engine.RuleEngine;
import dev.falconet.event.Event;
import dev.falconet.event.ThreadInfo;
import dev.falconet.output.Alert;
import dev.falconet.rules.load.RulesSource;
import dev.falconet.sensor.pipeline.EventSink;
import dev.falconet.sensor.pipeline.SensorPipeline;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live pipeline with the rule engine at its end. Every alert is kept with the pids of the
 * process tree it came from, so a test can pick the alerts of the commands it ran (and ignore
 * whatever else runs on the machine).
 */
final class RuleHarness implements EventSink, AutoCloseable {
    /** An alert, the pids of its process tree, and what the event said (args, container image) at the time. */
    record Fired(Alert alert, Set<Long> ancestry, java.util.Map<String, String> args, String imageRepository, boolean upperLayer) {
        Object field(String name) {
            return alert.outputFields().get(name);
        }
    }

    final RuleEngine engine;
    final List<Fired> fired = new ArrayList<>();
    final SensorPipeline pipeline;
    private final List<EventSink> extra = new ArrayList<>();

    /** The same rules, without a sensor: for replaying captures. */
    record Replayer(RuleEngine engine) {
        Replayer(List<Path> rules) {
            this(load(rules));
        }
    }

    static RuleEngine load(List<Path> rules) {
        RulesSource.Reading reading = RulesSource.readAll(rules);
        RuleEngine.Build build = RuleEngine.load(reading.sources(), EngineOptions.defaults());
        assertThat(build.ok()).as("rules load: %s", build.diagnostics()).isTrue();
        return build.engine();
    }

    RuleHarness(List<Path> rules, EventSink... alsoTo) {
        engine = load(rules);
        extra.addAll(List.of(alsoTo));
        var config = SensorPipeline.Config.defaults(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        Set<String> events = new java.util.LinkedHashSet<>(engine.eventTypes().names());
        pipeline = new SensorPipeline(new SensorPipeline.Config(config.ringBytes(), events, 0, config.idleNanos(),
                config.runtimeTimeoutMillis(), null, config.notices(), 0), this);
    }

    @Override
    public void accept(Event e) {
        for (EventSink s : extra) s.accept(e);
        engine.process(e, a -> {
            java.util.Map<String, String> args = new java.util.LinkedHashMap<>();
            for (var arg : e.args()) args.put(arg.name(), arg.rendered());
            var c = e.thread().container();
            fired.add(new Fired(a, ancestry(e.thread()), args, c == null ? null : c.imageRepository(), e.thread().exeUpperLayer()));
        });
    }

    private static Set<Long> ancestry(ThreadInfo t) {
        Set<Long> pids = new HashSet<>();
        for (int i = 0; i < 32; i++) {
            ThreadInfo a = t.ancestor(i);
            if (a == null) break;
            pids.add(a.pid());
        }
        return pids;
    }

    /** Starts a command; returns its process (its pid names its alerts). */
    static Process start(String... cmd) throws IOException {
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    static Process runToEnd(String... cmd) throws IOException, InterruptedException {
        Process p = start(cmd);
        if (!p.waitFor(60, TimeUnit.SECONDS)) p.destroyForcibly();
        return p;
    }

    /** Alerts from this process tree, after draining for up to {@code settleMillis}. */
    List<Fired> alertsOf(Process p, String rule, long settleMillis) throws InterruptedException {
        long end = System.nanoTime() + settleMillis * 1_000_000L;
        List<Fired> m;
        do {
            pipeline.drainOnce();
            m = fired.stream().filter(f -> f.ancestry.contains(p.pid()) && (rule == null || f.alert.rule().equals(rule))).toList();
            if (!m.isEmpty() && rule != null) {
                // keep draining a little: a second alert for the same action must show up too
                Thread.sleep(150);
                pipeline.drainOnce();
                return fired.stream().filter(f -> f.ancestry.contains(p.pid()) && f.alert.rule().equals(rule)).toList();
            }
            Thread.sleep(20);
        } while (System.nanoTime() < end);
        return m;
    }

    /** Alerts of a rule matching a predicate, after draining for up to {@code waitMillis}. */
    List<Fired> alertsWhere(String rule, java.util.function.Predicate<Fired> p, long waitMillis) throws InterruptedException {
        long end = System.nanoTime() + waitMillis * 1_000_000L;
        List<Fired> m;
        do {
            pipeline.drainOnce();
            m = fired.stream().filter(f -> f.alert.rule().equals(rule) && p.test(f)).toList();
            if (!m.isEmpty()) {
                Thread.sleep(150);
                pipeline.drainOnce();
                return fired.stream().filter(f -> f.alert.rule().equals(rule) && p.test(f)).toList();
            }
            Thread.sleep(20);
        } while (System.nanoTime() < end);
        return m;
    }

    private boolean closed;

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        pipeline.close(); // closes this sink too, hence the guard
        for (EventSink s : extra) s.close();
    }
}
