package dev.falconet.sensor.live;

import dev.falconet.capture.CaptureReader;
import dev.falconet.event.Event;
import dev.falconet.output.Alert;
import dev.falconet.sensor.pipeline.RecordSink;
import dev.falconet.testing.SharedMaterial;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.falconet.sensor.live.SensorTestSupport.assumeSensorCanRun;
import static org.assertj.core.api.Assertions.assertThat;

/** What the live sensor recorded, replayed through the same rules, gives exactly the alerts the live run gave. */
class RecordReplayTest {
    @TempDir
    Path tmp;

    @Test
    void replayOfTheRecordingGivesTheLiveAlerts() throws Exception {
        assumeSensorCanRun();
        Path rules = SharedMaterial.upstreamRules().resolve("falco_rules.yaml");
        Path capture = tmp.resolve("live.jsonl");
        RecordSink recorder = new RecordSink(capture, "test-host");
        List<String> live;
        long recorded;
        try (RuleHarness h = new RuleHarness(List.of(rules), recorder)) {
            Process a = RuleHarness.runToEnd("cat", "/etc/shadow", tmp + "/missing");
            Process b = RuleHarness.runToEnd("ln", "-s", "/etc", tmp + "/etc_link");
            Process c = RuleHarness.runToEnd("find", tmp.toString(), "-maxdepth", "1", "-iname", "id_rsa");
            assertThat(h.alertsOf(a, "Read sensitive file untrusted", 5000)).hasSize(1);
            assertThat(h.alertsOf(b, "Create Symlink Over Sensitive Files", 5000)).hasSize(1);
            assertThat(h.alertsOf(c, "Search Private Keys or Passwords", 5000)).hasSize(1);
            h.pipeline.drainOnce();
            live = h.fired.stream().map(f -> f.alert().output()).toList();
        }
        recorded = recorder.events();
        Files.delete(tmp.resolve("etc_link"));
        assertThat(recorded).isPositive();
        assertThat(Files.size(capture)).isPositive();

        var engine = new RuleHarness.Replayer(List.of(rules));
        List<String> replayed = new ArrayList<>();
        long events = 0;
        try (CaptureReader reader = CaptureReader.open(capture)) {
            Event e;
            while ((e = reader.next()) != null) {
                events++;
                engine.engine().process(e, (Alert al) -> replayed.add(al.output()));
            }
        }
        assertThat(events).isEqualTo(recorded);
        assertThat(replayed).containsExactlyElementsOf(live);
    }
}
