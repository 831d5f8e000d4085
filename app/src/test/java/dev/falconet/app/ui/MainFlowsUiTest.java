package dev.falconet.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falconet.app.rules.CaptureTest;
import dev.falconet.app.ui.alerts.AlertsPage;
import dev.falconet.app.ui.rules.RulesPage;
import dev.falconet.output.Alert;
import dev.falconet.rules.Priority;
import javafx.application.Application;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** Clicks through the main flows of the app, headless. */
class MainFlowsUiTest extends UiTestBase {

    @Test
    void everyPageOpensFromTheNavigation() {
        for (Page p : Page.values()) {
            robot.clickOn("#nav-" + p.id());
            assertThat(robot.lookup("#" + p.id() + "-page").tryQuery()).as(p.id()).isPresent();
            assertThat(context.shell().pageProperty().get()).isEqualTo(p);
        }
    }

    @Test
    void labOffersReplayModeWhenNothingIsInstalledAndTheFeedFills() {
        click("nav-lab");
        waitFor("the prerequisite check", () -> !robot.lookup("#lab-tools").queryTableView().getItems().isEmpty());
        Label cluster = node(robot, "lab-cluster");
        assertThat(cluster.getText()).contains("minikube is not installed");
        waitFor("rules", () -> context.session().engineProperty().get() != null);

        click("lab-replay");

        assertThat(context.shell().pageProperty().get()).isEqualTo(Page.ALERTS);
        TableView<Alert> table = node(robot, "alerts-table");
        waitFor("replayed alerts", () -> !context.session().replayingProperty().get() && table.getItems().size() >= 5);
        assertThat(table.getItems()).extracting(Alert::rule).contains("Read sensitive file untrusted");

        fx(() -> table.getSelectionModel().select(0));
        TableView<?> details = node(robot, "alert-details");
        assertThat(details.getItems()).hasSizeGreaterThan(8);

        ComboBox<Priority> prio = node(robot, "filter-priority");
        fx(() -> prio.setValue(Priority.EMERGENCY));
        assertThat(table.getItems()).allMatch(a -> a.priority().atLeast(Priority.EMERGENCY));
        assertThat(node(robot, "alerts-count").toString()).isNotEmpty();
    }

    @Test
    void anErrorTypedIntoARuleIsUnderlinedWithItsMessage() {
        click("nav-rules");
        RulesPage page = node(robot, "rules-page");
        waitFor("the first check", () -> page.viewModel().lastCheckProperty().get() != null);
        assertThat(page.viewModel().diagnostics()).noneMatch(d -> d.isError());

        String broken = "\n- rule: Typo rule\n  desc: a typo in a field name\n  condition: evt.type = open and proc.nmae = cat\n"
                + "  output: opened (%proc.name)\n  priority: WARNING\n";
        fx(() -> page.editor().appendText(broken));

        waitFor("the diagnostic", () -> page.viewModel().diagnostics().stream().anyMatch(d -> d.isError() && d.placed()));
        var d = page.viewModel().diagnostics().stream().filter(x -> x.isError() && x.placed()).findFirst().orElseThrow();
        assertThat(page.editor().getText().substring(d.start(), d.end())).contains("proc.nmae");
        assertThat(page.editor().getStyleOfChar(d.start() + 1)).contains("diag-error");
        assertThat(d.diagnostic().message()).contains("proc.nmae");
        Label summary = node(robot, "rules-summary");
        waitFor("the summary", () -> summary.getText().contains("error"));
    }

    @Test
    void ctrlSpaceCompletesTheFieldBeingTyped() {
        click("nav-rules");
        RulesPage page = node(robot, "rules-page");
        waitFor("the first check", () -> page.viewModel().lastCheckProperty().get() != null);
        fx(() -> {
            page.editor().replaceText("- macro: m\n  condition: proc.pna");
            page.editor().moveTo(page.editor().getLength());
            page.editor().requestFocus();
        });
        robot.press(javafx.scene.input.KeyCode.CONTROL).press(javafx.scene.input.KeyCode.SPACE)
                .release(javafx.scene.input.KeyCode.SPACE).release(javafx.scene.input.KeyCode.CONTROL);
        waitFor("the completion menu", () -> javafx.stage.Window.getWindows().stream()
                .anyMatch(w -> w instanceof javafx.scene.control.ContextMenu c && c.isShowing()));
        javafx.scene.control.ContextMenu menu = (javafx.scene.control.ContextMenu) javafx.stage.Window.getWindows().stream()
                .filter(w -> w instanceof javafx.scene.control.ContextMenu c && c.isShowing()).findFirst().orElseThrow();
        fx(() -> {
            menu.getItems().getFirst().fire();
            menu.hide();
        });
        assertThat(page.editor().getText()).endsWith("condition: proc.pname");
    }

    @Test
    void testAgainstACaptureShowsMatchesAndExplainsThem() {
        click("nav-rules");
        RulesPage page = node(robot, "rules-page");
        waitFor("the first check", () -> page.viewModel().lastCheckProperty().get() != null);
        fx(() -> page.viewModel().captureProperty().set(page.viewModel().captures().stream()
                .filter(c -> c.name().startsWith("read-sensitive-file-untrusted/positive")).findFirst().orElseThrow()));

        click("rules-test");

        TableView<CaptureTest.EventRow> events = node(robot, "rules-events");
        waitFor("the events", () -> events.getItems().stream().anyMatch(CaptureTest.EventRow::matched));
        fx(() -> events.getSelectionModel().select(events.getItems().stream().filter(CaptureTest.EventRow::matched).findFirst().orElseThrow()));
        click("rules-explain");
        waitFor("the explanation", () -> !page.viewModel().explanation().isEmpty());
        Label message = node(robot, "rules-test-message");
        assertThat(message.getText()).contains("matched");
    }

    @Test
    void switchingToRussianChangesTheVisibleLabelsAtOnce() {
        click("nav-settings");
        ComboBox<java.util.Locale> lang = node(robot, "settings-language");
        fx(() -> lang.setValue(java.util.Locale.forLanguageTag("ru")));

        ToggleButton lab = node(robot, "nav-lab");
        assertThat(lab.getText()).isEqualTo("Лаборатория");
        for (Page p : Page.values()) {
            click("nav-" + p.id());
            assertThat(VisibleTexts.english(robot.lookup(".root").query())).as("English left on " + p.id()).isEmpty();
        }
        assertThat(context.shell().current().language().getLanguage()).isEqualTo("ru");
    }

    @Test
    void theDarkThemeAppliesLive() {
        click("nav-settings");
        click("theme-dark");
        assertThat(Application.getUserAgentStylesheet()).containsIgnoringCase("dark");
        click("theme-light");
        assertThat(Application.getUserAgentStylesheet()).containsIgnoringCase("light");
    }

    @Test
    void exportWritesTheShownAlertsAsJson() throws Exception {
        waitFor("rules", () -> context.session().engineProperty().get() != null);
        click("nav-alerts");
        click("alerts-replay");
        AlertsPage page = node(robot, "alerts-page");
        waitFor("alerts", () -> !context.session().replayingProperty().get() && !page.viewModel().shown().isEmpty());
        var file = configDir.resolve("alerts.json");
        fx(() -> page.viewModel().export(file));
        assertThat(java.nio.file.Files.readAllLines(file)).hasSize(page.viewModel().shown().size())
                .allMatch(l -> l.startsWith("{\"hostname\":"));
    }
}
