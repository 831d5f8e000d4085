package dev.falconet.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falconet.app.rules.CaptureTest;
import dev.falconet.app.settings.Theme;
import dev.falconet.app.ui.rules.RulesPage;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Screenshots of every page, light and dark, English and Russian (and every Guide section), each checked
 * to be more than a blank frame. Saved under {@code target/screenshots/} (or {@code -Dfalconet.screenshots=DIR}).
 */
class ScreenshotUiTest extends UiTestBase {
    private Theme theme = Theme.LIGHT;
    private AutoCloseable closeAfter;

    @org.junit.jupiter.api.AfterEach
    void closeFakeApi() throws Exception {
        if (closeAfter != null) closeAfter.close();
    }

    @Override
    protected Theme initialTheme() {
        return theme;
    }

    @ParameterizedTest
    @CsvSource({"LIGHT,en", "DARK,en", "LIGHT,ru", "DARK,ru"})
    void everyPageIsDrawn(Theme t, String language) throws IOException {
        theme = t;
        fx(() -> {
            context.shell().themeProperty().set(t);
            ThemeManager.apply(t);
            context.shell().languageProperty().set(Locale.forLanguageTag(language));
        });
        waitFor("rules", () -> context.session().engineProperty().get() != null);
        String suffix = t.name().toLowerCase(Locale.ROOT) + "-" + language;

        click("nav-lab");
        waitFor("the lab check", () -> !robot.lookup("#lab-tools").queryTableView().getItems().isEmpty());
        save("lab-" + suffix);

        // Telegram set up against the loopback fake Bot API, so the shots show a delivery timeline
        dev.falconet.app.ui.settings.FakeBotApi api = new dev.falconet.app.ui.settings.FakeBotApi("123:ABC");
        closeAfter = api;
        fx(() -> context.telegram().configure(new dev.falconet.output.telegram.TelegramSettings(api.token(), "4242",
                dev.falconet.rules.Priority.DEBUG, null, java.net.URI.create(api.url()), 0)));
        click("nav-scenarios");
        dev.falconet.app.ui.scenarios.ScenariosPage scenarios = node(robot, "scenarios-page");
        waitFor("the catalogue", () -> !scenarios.viewModel().items().isEmpty());
        fx(() -> scenarios.viewModel().selectedProperty().set(scenarios.viewModel().items().stream()
                .filter(i -> i.scenario().id().equals("read-pam-passwd")).findFirst().orElseThrow().scenario()));
        click("scenarios-runall");
        waitFor("the run", () -> scenarios.viewModel().studyProperty().get() != null);
        waitFor("the delivery", () -> !context.telegram().deliveries().isEmpty()
                && context.telegram().deliveries().getLast().state() == dev.falconet.output.DeliveryState.SENT);
        save("scenarios-" + suffix);
        javafx.scene.control.ScrollPane scroll = (javafx.scene.control.ScrollPane) scenarios.lookup(".scroll-pane");
        fx(() -> scroll.setVvalue(1.0));
        save("scenario-panes-" + suffix);

        click("nav-rules");
        RulesPage rules = node(robot, "rules-page");
        waitFor("the rules check", () -> rules.viewModel().lastCheckProperty().get() != null);
        fx(() -> rules.viewModel().captureProperty().set(rules.viewModel().captures().stream()
                .filter(c -> c.name().startsWith("drop-and-execute-new-binary-in-container/positive")).findFirst().orElseThrow()));
        click("rules-test");
        TableView<CaptureTest.EventRow> events = node(robot, "rules-events");
        waitFor("events", () -> events.getItems().stream().anyMatch(CaptureTest.EventRow::matched));
        fx(() -> events.getSelectionModel().select(events.getItems().stream().filter(CaptureTest.EventRow::matched).findFirst().orElseThrow()));
        click("rules-explain");
        waitFor("the explanation", () -> !rules.viewModel().explanation().isEmpty());
        // a typo so the shot shows an underlined diagnostic
        fx(() -> rules.editor().replaceText(rules.editor().getText().replaceFirst("proc.name", "proc.nmae")));
        waitFor("the diagnostic", () -> rules.viewModel().diagnostics().stream().anyMatch(d -> d.isError()));
        javafx.scene.control.ListView<?> problems = node(robot, "rules-problems");
        fx(() -> problems.getSelectionModel().select(0));
        save("rules-" + suffix);

        click("nav-exercises");
        dev.falconet.app.ui.exercises.ExercisesPage exercises = node(robot, "exercises-page");
        waitFor("the exercises", () -> !exercises.viewModel().items().isEmpty());
        click("exercises-check");
        waitFor("the grade", () -> exercises.viewModel().reportProperty().get() != null);
        click("exercises-hint");
        save("exercises-" + suffix);

        click("nav-alerts");
        TableView<?> alerts = node(robot, "alerts-table");
        waitFor("alerts", () -> alerts.getItems().size() >= 1);
        fx(() -> alerts.getSelectionModel().select(0));
        save("alerts-" + suffix);

        click("nav-guide");
        node(robot, "guide-diagram-kubernetes");
        save("guide-" + suffix);

        click("nav-settings");
        save("settings-" + suffix);
    }

    @ParameterizedTest
    @CsvSource({"LIGHT,en", "DARK,ru"})
    void everyGuideSectionIsDrawn(Theme t, String language) throws IOException {
        fx(() -> {
            context.shell().themeProperty().set(t);
            ThemeManager.apply(t);
            context.shell().languageProperty().set(Locale.forLanguageTag(language));
        });
        click("nav-guide");
        dev.falconet.app.ui.guide.GuidePage guide = node(robot, "guide-page");
        for (var section : guide.viewModel().documentProperty().get().sections()) {
            fx(() -> guide.viewModel().sectionProperty().set(section.id()));
            javafx.scene.control.Label title = node(robot, "guide-section-title");
            assertThat(title.getText()).isEqualTo(section.title());
            save("guide-" + section.id() + "-" + t.name().toLowerCase(Locale.ROOT) + "-" + language);
        }
    }

    private void save(String name) throws IOException {
        AtomicReference<WritableImage> shot = new AtomicReference<>();
        fx(() -> shot.set(stage.getScene().snapshot(null)));
        BufferedImage img = toImage(shot.get());
        assertThat(colours(img)).as(name + " is not blank").isGreaterThan(20);
        Path dir = Path.of(System.getProperty("falconet.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        ImageIO.write(img, "png", dir.resolve(name + ".png").toFile());
    }

    private static BufferedImage toImage(WritableImage fx) {
        int w = (int) fx.getWidth();
        int h = (int) fx.getHeight();
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        int[] argb = new int[w * h];
        fx.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0, w);
        img.setRGB(0, 0, w, h, argb, 0, w);
        return img;
    }

    private static int colours(BufferedImage img) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) for (int x = 0; x < img.getWidth(); x += 3) seen.add(img.getRGB(x, y));
        return seen.size();
    }
}
