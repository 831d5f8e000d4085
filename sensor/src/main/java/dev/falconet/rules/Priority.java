package dev.falconet.rules;

import java.util.Locale;
import java.util.Optional;

/** Falco's rule priorities, most severe first (syslog levels). */
public enum Priority {
    EMERGENCY("Emergency"),
    ALERT("Alert"),
    CRITICAL("Critical"),
    ERROR("Error"),
    WARNING("Warning"),
    NOTICE("Notice"),
    INFORMATIONAL("Informational"),
    DEBUG("Debug");

    private final String display;

    Priority(String display) {
        this.display = display;
    }

    /** The capitalised name Falco prints in alerts ({@code Warning}, {@code Informational}). */
    public String display() {
        return display;
    }

    /** True when this priority is at least as severe as {@code other}. */
    public boolean atLeast(Priority other) {
        return ordinal() <= other.ordinal();
    }

    /**
     * Parses a priority as Falco does: case-insensitive full names, plus the alias {@code info}
     * for Informational. Empty for anything else ("Invalid priority").
     */
    public static Optional<Priority> parse(String text) {
        if (text == null) return Optional.empty();
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("info")) return Optional.of(INFORMATIONAL);
        for (Priority p : values()) if (p.display.toLowerCase(Locale.ROOT).equals(t)) return Optional.of(p);
        return Optional.empty();
    }
}
