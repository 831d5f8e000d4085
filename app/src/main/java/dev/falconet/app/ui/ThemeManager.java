package dev.falconet.app.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.falconet.app.settings.Theme;
import javafx.application.Application;
import javafx.scene.Scene;

/** Applies the AtlantaFX theme (application-wide, so it switches live) plus the app's own stylesheet. */
public final class ThemeManager {
    private static final String APP_CSS = ThemeManager.class.getResource("app.css").toExternalForm();

    private ThemeManager() {}

    public static void apply(Theme theme) {
        Application.setUserAgentStylesheet(theme == Theme.DARK ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    /** Adds the app's stylesheet to a scene (once). */
    public static void style(Scene scene) {
        if (!scene.getStylesheets().contains(APP_CSS)) scene.getStylesheets().add(APP_CSS);
    }
}
