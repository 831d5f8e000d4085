package dev.falconet.scenario.run;

/** A backend could not run a scenario; the message says what failed and, where known, the fix. */
public final class ScenarioException extends Exception {
    public ScenarioException(String message) {
        super(message);
    }

    public ScenarioException(String message, Throwable cause) {
        super(message, cause);
    }
}
