package dev.falconet.app.settings;

/** The app's two themes (AtlantaFX Primer light and dark). */
public enum Theme {
    LIGHT, DARK;

    public static Theme parse(String s) {
        return "dark".equalsIgnoreCase(s) ? DARK : LIGHT;
    }
}
