package dev.falconet.app.ui;

import dev.falconet.app.settings.AppSettingsStore;
import dev.falconet.app.ui.shell.MainWindow;
import dev.falconet.lab.Lab;
import dev.falconet.lab.LabControl;
import dev.falconet.lab.sensor.LiveSensors;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The desktop app. Started through {@link Launcher} (a plain class, so the classpath launch works). */
public final class FalconetApp extends Application {
    /** Pause between replayed alerts: the feed fills like a live one. */
    static final long REPLAY_PACE_MILLIS = 250;

    private AppContext context;
    private Lab lab;

    @Override
    public void start(Stage stage) {
        var configDir = AppSettingsStore.configDir(System.getenv());
        context = new AppContext(UiThreads.forApp(), configDir, repoRoot(), LabControl.of(this::lab), LiveSensors.onThisMachine(this::lab, configDir, isRoot()),
                REPLAY_PACE_MILLIS);
        ThemeManager.apply(context.shell().themeProperty().get());
        MainWindow window = context.window();
        Scene scene = new Scene(window, context.shell().width(), context.shell().height());
        ThemeManager.style(scene);
        stage.titleProperty().bind(context.i18n().text("app.title"));
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.setOnCloseRequest(e -> context.shell().windowSize(stage.getWidth(), stage.getHeight()));
        onFirstFrame(scene);
        stage.show();
        if (isRoot()) context.session().notify(dev.falconet.app.ui.shell.Notice.info("status.root"));
    }

    /** The checkout the app runs from (scenarios, rules, the launcher); the working directory when it cannot tell. */
    private static java.nio.file.Path repoRoot() {
        try {
            return dev.falconet.lab.LabPaths.locate().root();
        } catch (RuntimeException e) {
            return java.nio.file.Path.of("").toAbsolutePath();
        }
    }

    private synchronized Lab lab() {
        if (lab == null) lab = Lab.onThisMachine();
        return lab;
    }

    @Override
    public void stop() {
        if (context != null) context.close();
        synchronized (this) {
            if (lab != null) lab.close();
        }
    }

    /**
     * At the first layout pulse (the first frame goes to the renderer) the background work starts. For the
     * start-up benchmark (bench/startup.sh): with {@code -Dfalconet.firstframe=FILE} the wall-clock time (epoch
     * milliseconds) of that pulse and the CPU time the process used until then (milliseconds, all threads) are
     * written to FILE; with {@code -Dfalconet.exitAfterFirstFrame=true} the app then quits.
     */
    private void onFirstFrame(Scene scene) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            long now = System.currentTimeMillis();
            scene.removePostLayoutPulseListener(once[0]);
            String file = System.getProperty("falconet.firstframe");
            if (file != null) {
                try {
                    long cpu = ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
                    java.nio.file.Files.writeString(java.nio.file.Path.of(file), now + " " + cpu + "\n");
                } catch (java.io.IOException e) {
                    System.err.println("falconet: cannot write " + file + ": " + e.getMessage());
                }
                if (Boolean.getBoolean("falconet.exitAfterFirstFrame")) {
                    javafx.application.Platform.runLater(javafx.application.Platform::exit);
                    return;
                }
            }
            javafx.application.Platform.runLater(context::started);
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
