package dev.falconet.scenario.podman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.falconet.capture.CaptureReader;
import dev.falconet.scenario.RulesCache;
import dev.falconet.scenario.Scenario;
import dev.falconet.scenario.ScenarioLoader;
import dev.falconet.scenario.run.ReplayBackend;
import dev.falconet.scenario.run.ScenarioObserver;
import dev.falconet.scenario.run.ScenarioResult;
import dev.falconet.scenario.run.ScenarioRunner;
import dev.falconet.scenario.run.SeenAlert;
import dev.falconet.sensor.bpf.Preflight;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Re-records the scenarios the podman backend can run here (root, eBPF, podman; skipped otherwise) and
 * compares each live run with the committed capture: both pass, and they raise the same alerts for the
 * same steps. The lab group by default; {@code -Dfalconet.scenarios.live=all} re-records every scenario
 * (the catalogue takes minutes: CI runs it as {@code ./falconet scenario run all --backend podman}).
 */
class ScenarioLiveTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path work;

    @Test
    void liveRunsRaiseTheAlertsOfTheCommittedCaptures() {
        Optional<Preflight.Problem> p = Preflight.check();
        assumeTrue(p.isEmpty(), () -> "live scenario test skipped: " + p.get().message());
        assumeTrue(HostBinaries.find("podman").isPresent(), "podman not installed: live scenario test skipped");
        assumeTrue(LabImage.busybox() != null, "busybox-static not installed: live scenario test skipped");
        RulesCache rules = new RulesCache();
        List<Scenario> all = new ScenarioLoader(ROOT, rules).loadDirectory(ROOT.resolve("scenarios")).scenarios();
        boolean everything = "all".equals(System.getProperty("falconet.scenarios.live"));
        Function<Scenario, Path> captureOf = s -> work.resolve(s.id() + ".jsonl");
        List<ScenarioResult> live;
        try (PodmanBackend podman = PodmanBackend.recording(ROOT, captureOf)) {
            List<Scenario> chosen = all.stream().filter(s -> everything || s.group().equals("lab"))
                    .filter(s -> podman.unavailable(s).isEmpty()).toList();
            assumeTrue(!chosen.isEmpty(), "no scenario can run with podman here");
            live = new ScenarioRunner(rules).runAll(chosen, podman, ScenarioObserver.NONE);
        }
        List<String> problems = new ArrayList<>();
        try (ReplayBackend replay = new ReplayBackend()) {
            ScenarioRunner runner = new ScenarioRunner(rules);
            for (ScenarioResult r : live) {
                Scenario s = r.scenario();
                if (!r.passed()) {
                    problems.add(s.id() + " live: " + r.outcome() + " " + r.reasons());
                    continue;
                }
                assertThat(Files.exists(captureOf.apply(s))).as(s.id()).isTrue();
                try (CaptureReader c = CaptureReader.open(captureOf.apply(s))) {
                    assertThat(c.header().source()).isEqualTo("scenario:" + s.id());
                }
                ScenarioResult committed = runner.run(s, replay, ScenarioObserver.NONE);
                if (!committed.passed()) problems.add(s.id() + " committed capture: " + committed.reasons());
                else if (!signature(r.alerts()).equals(signature(committed.alerts())))
                    problems.add(s.id() + ": live alerts " + signature(r.alerts()) + " differ from the committed capture's " + signature(committed.alerts()));
            }
        }
        assertThat(problems).isEmpty();
    }

    /** Rule and step of each alert, counted. */
    private static Map<String, Long> signature(List<SeenAlert> alerts) {
        return alerts.stream().collect(Collectors.groupingBy(a -> a.rule() + " @ " + a.step(), java.util.TreeMap::new, Collectors.counting()));
    }
}
