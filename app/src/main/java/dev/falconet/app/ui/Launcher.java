package dev.falconet.app.ui;

import javafx.application.Application;

/**
 * Starts the desktop app. A class that does not extend {@link Application} must call
 * {@code launch}: with JavaFX on the plain classpath, a main class extending it fails with
 * "JavaFX runtime components are missing".
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        Application.launch(FalconetApp.class, args);
    }
}
