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

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
