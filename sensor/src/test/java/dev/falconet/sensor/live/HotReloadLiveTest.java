package dev.falconet.sensor.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falconet.engine.EngineOptions;
import dev.falconet.engine.RuleEngine;
import dev.falconet.output.Alert;
import dev.falconet.rules.load.RulesSource;
import dev.falconet.sensor.pipeline.RuleSink;
import dev.falconet.sensor.pipeline.RulesReloader;
import dev.falconet.sensor.pipeline.SensorPipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hot reload on the live probe: rules that need a syscall the first rules did not trace get it added to the
 * kernel's table while capturing, and the new rule fires; the old one no longer does.
 */
class HotReloadLiveTest {
    @TempDir
    Path dir;

    @Test
    void aReloadSwapsTheRulesAndTracesTheSyscallsTheNewOnesNeed() throws Exception {
        SensorTestSupport.assumeSensorCanRun();
        String marker = "falconet-reload-" + ProcessHandle.current().pid();
        Path file = dir.resolve("rules.yaml");
        Files.writeString(file, "- rule: Echo marker\n  desc: d\n  condition: evt.type = execve and proc.name = echo and proc.cmdline contains "
                + marker + "\n  output: \"echo %proc.cmdline\"\n  priority: WARNING\n");
        RuleEngine first = RuleEngine.load(RulesSource.read(file).sources(), EngineOptions.defaults()).engine();
        List<Alert> alerts = new CopyOnWriteArrayList<>();
        RuleSink sink = new RuleSink(first, alerts::add, null);
        var defaults = SensorPipeline.Config.defaults(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        try (SensorPipeline pipeline = new SensorPipeline(new SensorPipeline.Config(defaults.ringBytes(),
                new LinkedHashSet<>(first.eventTypes().names()), 0, defaults.idleNanos(), defaults.runtimeTimeoutMillis(), null,
                defaults.notices(), 0), sink)) {
            assertThat(pipeline.traced()).doesNotContain("mkdirat", "mkdir");
            SensorTestSupport.run("/bin/echo", marker);
            awaitAlert(pipeline, alerts, a -> a.rule().equals("Echo marker"));

            Files.writeString(file, "- rule: Mkdir marker\n  desc: d\n  condition: evt.type in (mkdir, mkdirat) and proc.name = mkdir\n"
                    + "  output: \"mkdir %proc.cmdline\"\n  priority: WARNING\n");
            List<String> lines = new ArrayList<>();
            RulesReloader reloader = new RulesReloader(List.of(file), EngineOptions.defaults(), sink,
                    next -> "events=+" + pipeline.widen(new LinkedHashSet<>(next.eventTypes().names())).size(), lines::add);
            assertThat(reloader.reload().ok()).isTrue();
            assertThat(lines.getFirst()).startsWith("RELOADED rules=1 ").endsWith("events=+2");
            assertThat(pipeline.traced()).contains("mkdirat", "mkdir");

            alerts.clear();
            SensorTestSupport.run("/bin/mkdir", dir.resolve(marker).toString());
            SensorTestSupport.run("/bin/echo", marker);
            awaitAlert(pipeline, alerts, a -> a.rule().equals("Mkdir marker") && a.output().contains(marker));
            assertThat(alerts).noneMatch(a -> a.rule().equals("Echo marker"));
        }
    }

    private static void awaitAlert(SensorPipeline pipeline, List<Alert> alerts, Predicate<Alert> p) throws InterruptedException {
        long end = System.nanoTime() + 10_000_000_000L;
        while (alerts.stream().noneMatch(p) && System.nanoTime() < end) {
            pipeline.drainOnce();
            Thread.sleep(20);
        }
        pipeline.drainOnce();
        assertThat(alerts).anyMatch(p);
    }
}
