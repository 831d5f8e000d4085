package dev.falconet.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falconet.app.scenario.FieldRow;
import dev.falconet.app.ui.exercises.ExercisesPage;
import dev.falconet.app.ui.guide.GuidePage;
import dev.falconet.app.ui.scenarios.ScenariosPage;
import dev.falconet.app.ui.settings.FakeBotApi;
import dev.falconet.exercise.Exercise;
import dev.falconet.output.telegram.TelegramSettings;
import dev.falconet.rules.Priority;
import java.net.URI;
import java.nio.file.Files;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.junit.jupiter.api.Test;

/** The study flows: a lab scenario end to end in replay mode, an exercise to completion, the Guide, the Lab's failures. */
class StudyFlowsUiTest extends UiTestBase {

    @Test
    void aLabScenarioRunsInReplayAndShowsTheRuleTheFieldsAndTheTelegramDelivery() throws Exception {
        try (FakeBotApi api = new FakeBotApi("123:ABC")) {
            fx(() -> context.telegram().configure(new TelegramSettings(api.token(), "4242", Priority.DEBUG, null, URI.create(api.url()), 0)));
            click("nav-scenarios");
            ScenariosPage page = node(robot, "scenarios-page");
            waitFor("the catalogue", () -> !page.viewModel().items().isEmpty());
            fx(() -> page.viewModel().selectedProperty().set(page.viewModel().items().stream()
                    .filter(i -> i.scenario().id().equals("read-pam-passwd")).findFirst().orElseThrow().scenario()));
            Label title = node(robot, "scenarios-scenario-title");
            assertThat(title.getText()).isEqualTo("Read a PAM configuration file in a pod");

            click("scenarios-run-read");

            Label verdict = node(robot, "scenarios-verdict");
            waitFor("the verdict", () -> verdict.getText().startsWith("Passed"));
            ListView<?> terminal = node(robot, "scenarios-terminal");
            assertThat(terminal.getItems()).hasSizeGreaterThanOrEqualTo(3);
            Label rule = node(robot, "scenarios-rule-name");
            assertThat(rule.getText()).isEqualTo("Read sensitive file untrusted");
            javafx.scene.layout.HBox badge = node(robot, "scenarios-rule-badge");
            assertThat(((Label) badge.getChildren().getFirst()).getText()).isEqualTo("Warning");
            TextFlow yaml = node(robot, "scenarios-rule-yaml");
            assertThat(yaml.getChildren()).anyMatch(n -> n.getStyleClass().contains("cond-true") && ((Text) n).getText().equals("open_read"));

            TableView<FieldRow> fields = node(robot, "scenarios-fields");
            assertThat(fields.getItems()).anyMatch(f -> f.field().equals("fd.name") && f.value().equals("/etc/pam.d/passwd"));
            assertThat(fields.getItems()).anyMatch(f -> f.field().equals("proc.cmdline") && f.value().equals("cat /etc/pam.d/passwd"));

            TextFlow message = node(robot, "telegram-message");
            assertThat(message.getChildren().stream().map(n -> ((Text) n).getText()).reduce("", String::concat))
                    .startsWith("[Falco] [Warning] Read sensitive file untrusted");
            Node scenariosTelegram = node(robot, "scenarios-telegram");
            Label delivery = (Label) scenariosTelegram.lookup("#telegram-delivery-state");
            waitFor("Telegram's answer", () -> delivery.getText().equals("sent, message 42"));
            assertThat(api.calls).anyMatch(c -> c.endsWith("/sendmessage"));
            assertThat(context.session().alerts()).extracting(a -> a.rule()).contains("Read sensitive file untrusted");
            waitFor("progress", () -> page.viewModel().items().stream().anyMatch(i -> i.scenario().id().equals("read-pam-passwd")
                    && i.state() == dev.falconet.app.scenario.StudyProgress.State.PASSED));
        }
    }

    @Test
    void anExerciseIsCompletedWithItsSolution() throws Exception {
        click("nav-exercises");
        ExercisesPage page = node(robot, "exercises-page");
        waitFor("the exercises", () -> !page.viewModel().items().isEmpty());
        Exercise ex = page.viewModel().items().getFirst().exercise();
        fx(() -> page.viewModel().selectedProperty().set(ex));
        assertThat(page.editor().getText()).isEqualTo(ex.starter().text());

        click("exercises-check");
        Label verdict = node(robot, "exercises-verdict");
        waitFor("the starter's grade", () -> !page.viewModel().checkingProperty().get() && page.viewModel().reportProperty().get() != null);
        assertThat(page.viewModel().reportProperty().get().passed()).as("the starter does not solve it").isFalse();
        assertThat(page.viewModel().results()).anyMatch(r -> !r.passed());

        String solution = Files.readString(ex.solution());
        fx(() -> page.editor().replaceText(solution));
        click("exercises-check");
        waitFor("the solution's grade", () -> verdict.getText().startsWith("Done!"));
        assertThat(page.viewModel().results()).isNotEmpty().allMatch(r -> r.passed());
        click("exercises-hint");
        assertThat(page.viewModel().hintsShownProperty().get()).isEqualTo(Math.min(1, ex.hints().size()));
    }

    @Test
    void theGuideSwitchesLanguageAtTheSameSection() {
        click("nav-guide");
        GuidePage page = node(robot, "guide-page");
        fx(() -> page.viewModel().sectionProperty().set("rule"));
        Label title = node(robot, "guide-section-title");
        assertThat(title.getText()).isEqualTo("Anatomy of a rule");
        assertThat(robot.lookup("#guide-diagram-rule").tryQuery()).isPresent();
        fx(() -> context.shell().languageProperty().set(java.util.Locale.forLanguageTag("ru")));
        Label ru = node(robot, "guide-section-title");
        assertThat(ru.getText()).isEqualTo("Устройство правила");
    }

    @Test
    void startingMinikubeWithoutItIsANotificationThatSaysWhatToDo() {
        click("nav-lab");
        waitFor("the prerequisite check", () -> !robot.lookup("#lab-tools").queryTableView().getItems().isEmpty());
        click("lab-start");
        waitFor("the notification", () -> !context.session().notices().isEmpty());
        var n = context.session().notices().getFirst();
        assertThat(n.error()).isTrue();
        assertThat(n.message().key()).isEqualTo("notify.lab.startfailed");
        assertThat(n.message().args().getFirst().toString()).contains("minikube");
        waitFor("the notification on screen", () -> robot.lookup(".notification").tryQuery().isPresent());

        click("lab-sensor-host");
        waitFor("the sensor's failure", () -> context.session().notices().stream().anyMatch(x -> x.message().key().equals("notify.sensor.hostfailed")));
        Label mode = node(robot, "lab-sensor-mode");
        assertThat(mode.getText()).isEqualTo("Mode: replay");
    }
}
