package dev.falconet.sensor.live;

import dev.falconet.engine.RuleEngine;
import dev.falconet.output.Alert;
import dev.falconet.sensor.pipeline.EventSink;
import dev.falconet.sensor.pipeline.RuleSink;
import dev.falconet.sensor.pipeline.SensorPipeline;
import dev.falconet.testing.SharedMaterial;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

import static dev.falconet.sensor.live.SensorTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JIT warm-up runs the pipeline's own code on made-up records before the sensor starts: nothing of it may
 * reach the outputs, a recorder, the counters or the live state, and the live capture works as before after it.
 */
class WarmUpLiveTest {
    @Test
    void madeUpRecordsLeaveNoTraceAndTheLiveCaptureWorksAfterwards() throws Exception {
        assumeSensorCanRun();
        RuleEngine engine = RuleHarness.load(List.of(SharedMaterial.upstreamRules().resolve("falco_rules.yaml")));
        List<Alert> alerts = new ArrayList<>();
        RuleSink rules = new RuleSink(engine, alerts::add, null);
        Collector recorder = new Collector();
        try (SensorPipeline pipeline = pipeline(EventSink.all(List.of(recorder, rules)))) {
            SensorPipeline.WarmUp w = pipeline.warmUp(400_000_000L);

            assertThat(w.records()).isPositive();
            assertThat(w.nanos()).isLessThan(5_000_000_000L);
            assertThat(engine.generatedTypes()).as("the rules were compiled and run").isPositive();
            assertThat(recorder.seen).as("events to the recorder").isEmpty();
            assertThat(alerts).isEmpty();
            assertThat(rules.alerts()).isZero();
            assertThat(pipeline.stats().captured()).isZero();
            assertThat(pipeline.stats().evaluated()).isZero();
            assertThat(pipeline.state().threads().find(5_000_001)).as("a made-up thread in the live state").isNull();
            assertThat(pipeline.state().threads().find(5_000_002)).isNull();

            String tag = "falconet-" + UUID.randomUUID().toString().substring(0, 8);
            run("/bin/true", "--" + tag);
            List<Seen> execs = await(pipeline, recorder, s -> s.type().equals("execve") && s.procArgs().contains("--" + tag), 5000);
            assertThat(execs).hasSize(1);
            assertThat(execs.get(0).comm()).isEqualTo("true");
            assertThat(pipeline.stats().captured()).isPositive();
        }
    }
}
