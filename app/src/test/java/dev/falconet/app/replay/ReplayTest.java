package dev.falconet.app.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falconet.engine.EngineOptions;
import dev.falconet.engine.RuleEngine;
import dev.falconet.output.Alert;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayTest {
    private static final RuleEngine ENGINE = RuleEngine.load(List.of(DemoBundle.rules()), EngineOptions.defaults()).engine();

    @Test
    void theDemoBundleHasAPositiveAndANegativeCaptureForEachRule() {
        assertThat(DemoBundle.captures()).hasSize(2 * ENGINE.rules().size());
    }

    @Test
    void replayingTheDemoRaisesOneAlertPerRule() {
        List<Alert> alerts = new ArrayList<>();
        Replay.Result r = Replay.run(ENGINE, DemoBundle.captures(), alerts::add, () -> false);
        assertThat(r.problems()).isEmpty();
        assertThat(alerts).extracting(Alert::rule).containsExactlyInAnyOrderElementsOf(ENGINE.rules().stream().map(x -> x.name()).toList());
        assertThat(r.events()).isGreaterThan(alerts.size());
    }

    @Test
    void aBrokenCaptureIsReportedAndTheOthersStillPlay() {
        ReplaySource broken = new ReplaySource("broken.jsonl", () -> new ByteArrayInputStream("not json\n".getBytes(StandardCharsets.UTF_8)));
        List<ReplaySource> sources = new ArrayList<>(List.of(broken));
        sources.addAll(DemoBundle.captures());
        Replay.Result r = Replay.run(ENGINE, sources, a -> {}, () -> false);
        assertThat(r.problems()).singleElement().asString().contains("broken.jsonl");
        assertThat(r.alerts()).isEqualTo(ENGINE.rules().size());
    }

    @Test
    void cancellingStopsBeforeTheNextCapture() {
        Replay.Result r = Replay.run(ENGINE, DemoBundle.captures(), a -> {}, () -> true);
        assertThat(r.cancelled()).isTrue();
        assertThat(r.events()).isZero();
    }
}
