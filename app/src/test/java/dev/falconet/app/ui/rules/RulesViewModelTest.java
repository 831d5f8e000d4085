package dev.falconet.app.ui.rules;

import static dev.falconet.app.ui.TestThreads.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.falconet.app.rules.CaptureTest;
import dev.falconet.app.ui.TestThreads;
import dev.falconet.app.ui.UiThreads;
import dev.falconet.engine.EngineOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesViewModelTest {
    private final UiThreads threads = TestThreads.direct();
    private final RulesViewModel vm = new RulesViewModel(threads, EngineOptions.defaults());

    @AfterEach
    void close() {
        threads.close();
    }

    @Test
    void typingIsCheckedAfterAPauseAndTheErrorIsPlaced() {
        String text = "- rule: T\n  desc: d\n  condition: evt.type = open and proc.nmae = x\n  output: o\n  priority: INFO\n";
        vm.textProperty().set(text);
        assertThat(vm.diagnostics()).isEmpty(); // not yet: debounced
        await(() -> !vm.diagnostics().isEmpty(), "the debounced check");
        var d = vm.diagnostics().getFirst();
        assertThat(text.substring(d.start(), d.end())).isEqualTo("proc.nmae");
        assertThat(vm.diagnosticAt(d.start() + 2)).contains(d);
        assertThat(vm.diagnosticAt(0)).isEmpty();
        assertThat(vm.summaryProperty().get().key()).isEqualTo("rules.summary.errors");
    }

    @Test
    void validateChecksAtOnce() {
        vm.openDemoRules();
        vm.validate();
        assertThat(vm.summaryProperty().get().key()).isEqualTo("rules.summary.ok");
        assertThat(vm.diagnostics()).noneMatch(d -> d.isError());
    }

    @Test
    void testingAgainstACaptureListsMatchesAndExplainsAMiss() {
        vm.openDemoRules();
        vm.captureProperty().set(vm.captures().stream().filter(c -> c.name().startsWith("write-below-test-directory/negative"))
                .findFirst().orElseThrow());
        vm.test();
        assertThat(vm.events()).isNotEmpty().noneMatch(CaptureTest.EventRow::matched);
        assertThat(vm.ruleNames()).contains("Write below test directory");
        CaptureTest.EventRow open = vm.events().stream().filter(r -> r.type().startsWith("open")).findFirst().orElseThrow();
        vm.explain(open, "Write below test directory");
        assertThat(vm.explanation()).isNotEmpty();
        assertThat(vm.testMessageProperty().get().key()).isIn("rules.explain.false", "rules.explain.evttype");
    }

    @Test
    void testingRulesWithErrorsSaysSoInsteadOfRunning() {
        vm.textProperty().set("- rule: [broken\n");
        vm.test();
        assertThat(vm.testMessageProperty().get().key()).isEqualTo("rules.test.errors");
        assertThat(vm.events()).isEmpty();
    }

    @Test
    void openAndSaveRoundTrip(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("r.yaml");
        Files.writeString(f, "- list: l\n  items: [a]\n");
        vm.open(f);
        assertThat(vm.textProperty().get()).contains("- list: l");
        vm.textProperty().set(vm.textProperty().get() + "# more\n");
        assertThat(vm.save()).isTrue();
        assertThat(Files.readString(f)).endsWith("# more\n");
    }

    @Test
    void aFileThatCannotBeOpenedSaysWhy(@TempDir Path dir) {
        vm.open(dir.resolve("missing.yaml"));
        assertThat(vm.summaryProperty().get().key()).isEqualTo("rules.open.failed");
    }

    @Test
    void completionOffersFieldsForTheWordAtTheCaret() {
        vm.textProperty().set("condition: proc.pna");
        assertThat(vm.complete(19)).extracting(s -> s.text()).contains("proc.pname");
    }
}
