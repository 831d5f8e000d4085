package dev.falconet.app.ui;

import dev.falconet.app.settings.Theme;
import dev.falconet.lab.FakeTools;
import dev.falconet.lab.Lab;
import dev.falconet.lab.LabControl;
import dev.falconet.lab.LabException;
import dev.falconet.lab.TestPaths;
import dev.falconet.lab.kube.CreateOrUpdateApplier;
import dev.falconet.lab.minikube.MinikubeCli;
import dev.falconet.lab.sensor.LiveSensors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.junit.jupiter.api.BeforeEach;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Starts the real main window (Monocle headless in CI) with its own config directory, on a machine
 * with nothing installed (an empty PATH for the lab's tools), and replay without pauses.
 */
@ExtendWith(FxAvailable.class)
abstract class UiTestBase {
    protected AppContext context;
    protected Stage stage;
    protected Path configDir;

    /** The theme the window starts with. */
    protected Theme initialTheme() {
        return Theme.LIGHT;
    }

    protected final FxRobot robot = new FxRobot();

    @BeforeEach
    void showWindow() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            try {
                start(s);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void start(Stage stage) throws IOException {
        this.stage = stage;
        configDir = Files.createTempDirectory("falconet-ui");
        Path noTools = Files.createDirectories(configDir.resolve("empty-path"));
        var runner = new FakeTools(noTools).runner();
        Lab lab = new Lab(TestPaths.lab(), runner, new MinikubeCli(runner), () -> {
            throw new LabException("no cluster in UI tests");
        }, CreateOrUpdateApplier::new);
        context = new AppContext(UiThreads.forApp(), configDir, TestPaths.lab().root(), LabControl.of(() -> lab), liveSensors(), 0);
        context.shell().themeProperty().set(initialTheme());
        ThemeManager.apply(initialTheme());
        Scene scene = new Scene(context.window(), 1280, 800);
        ThemeManager.style(scene);
        stage.setScene(scene);
        stage.show();
        context.started();
    }

    /** The live sensors the window uses: none by default (starting one fails with the reason). */
    protected LiveSensors liveSensors() {
        return new LiveSensors() {
            @Override
            public AutoCloseable startHost(List<Path> rules, dev.falconet.lab.sensor.HostSensor.Listener listener) {
                throw new LabException("the sensor needs root, and neither pkexec nor sudo is installed");
            }

            @Override
            public AutoCloseable followCluster(java.util.function.Consumer<dev.falconet.output.Alert> alerts,
                                               java.util.function.Consumer<String> problems) {
                throw new LabException("minikube is not running");
            }
        };
    }

    @AfterEach
    void closeContext() throws IOException {
        if (context != null) context.close();
        if (configDir != null) {
            try (var files = Files.walk(configDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    protected static void waitFor(String what, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
                var r = new java.util.concurrent.atomic.AtomicBoolean();
                WaitForAsyncUtils.asyncFx(() -> r.set(condition.getAsBoolean())).get();
                return r.get();
            });
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what);
        }
    }

    /**
     * Clicks a button, toggle or radio button by id: checks it is showing and enabled, then fires it on
     * the FX thread (the robot's animated mouse takes about a second per click; one test uses it).
     */
    protected void click(String id) {
        javafx.scene.control.ButtonBase b = node(robot, id);
        org.assertj.core.api.Assertions.assertThat(b.isVisible() && !b.isDisabled() && b.getScene() != null).as(id + " clickable").isTrue();
        fx(b::fire);
    }

    /** The node with this id, waiting for it: controls inside a SplitPane or ScrollPane appear once their skin exists (next pulse). */
    protected static <T extends Node> T node(FxRobot robot, String id) {
        waitFor("#" + id, () -> robot.lookup("#" + id).tryQuery().isPresent());
        return robot.lookup("#" + id).query();
    }

    protected static void fx(Runnable r) {
        try {
            WaitForAsyncUtils.asyncFx(r).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
