package dev.falconet.app.ui;

import dev.falconet.app.settings.AppSettingsStore;
import dev.falconet.app.ui.shell.MainWindow;
import dev.falconet.lab.Lab;
import dev.falconet.lab.LabLog;
import dev.falconet.lab.LabStatus;
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
        context = new AppContext(UiThreads.forApp(), AppSettingsStore.configDir(System.getenv()), this::labStatus, REPLAY_PACE_MILLIS);
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
        if (isRoot()) context.session().say(dev.falconet.app.i18n.Msg.of("status.root"));
    }

    private synchronized LabStatus labStatus(LabLog log) {
        if (lab == null) lab = Lab.onThisMachine();
        return lab.status(log);
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
