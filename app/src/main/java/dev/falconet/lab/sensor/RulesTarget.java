package dev.falconet.lab.sensor;

/**
 * A running sensor whose rules the app can replace without restarting it: the text goes to the rules file the
 * sensor loads last, then the sensor is asked to reload; its answer (a {@code RELOADED ...} or
 * {@code RELOAD FAILED: ...} line) arrives as a notice.
 */
public interface RulesTarget {
    /**
     * Writes the rules and asks the sensor to reload them.
     *
     * @throws dev.falconet.lab.LabException when the file cannot be written or the sensor no longer listens
     */
    void apply(String rulesText);
}
