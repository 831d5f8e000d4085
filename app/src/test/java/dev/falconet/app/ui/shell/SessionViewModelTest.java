package dev.falconet.app.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falconet.app.ui.TestThreads;
import dev.falconet.app.ui.UiThreads;
import dev.falconet.engine.EngineOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionViewModelTest {
    private final UiThreads threads = TestThreads.direct();
    private final SessionViewModel session = new SessionViewModel(threads, EngineOptions.defaults(), 0);

    @AfterEach
    void close() {
        threads.close();
    }

    @Test
    void withNoFilesTheProjectRulesLoadAndTheDemoReplayFillsTheFeed() {
        session.loadRules(List.of());
        assertThat(session.engineProperty().get()).isNotNull();
        session.replayDemo();
        assertThat(session.alerts()).hasSize(session.engineProperty().get().rules().size());
        assertThat(session.eventsProperty().get()).isGreaterThan(session.alerts().size());
        assertThat(session.statusProperty().get().key()).isEqualTo("status.replay.done");
        assertThat(session.replayingProperty().get()).isFalse();
    }

    @Test
    void replayBeforeRulesSaysWhatIsMissing() {
        session.replayDemo();
        assertThat(session.statusProperty().get().key()).isEqualTo("status.replay.norules");
    }

    @Test
    void rulesThatDoNotLoadKeepThePreviousEngineAndSayWhy(@TempDir Path dir) throws Exception {
        session.loadRules(List.of());
        var before = session.engineProperty().get();
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "- rule: x\n  condition: proc.nope = 1\n  output: o\n  priority: INFO\n  desc: d\n");
        session.loadRules(List.of(bad));
        assertThat(session.engineProperty().get()).isSameAs(before);
        assertThat(session.statusProperty().get().key()).isEqualTo("status.rules.failed");
        assertThat(session.statusProperty().get().args().get(1).toString()).contains("bad.yaml");
    }

    @Test
    void aMissingRulesFileIsAnErrorNamingIt(@TempDir Path dir) {
        session.loadRules(List.of(dir.resolve("gone.yaml")));
        assertThat(session.statusProperty().get().key()).isEqualTo("status.rules.failed");
        assertThat(session.statusProperty().get().args().get(1).toString()).contains("gone.yaml");
    }
}
