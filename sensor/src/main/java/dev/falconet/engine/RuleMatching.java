package dev.falconet.engine;

import java.util.Locale;

/** Falco's {@code rule_matching}: alert for the first matching rule of an event (default), or for all. */
public enum RuleMatching {
    FIRST, ALL;

    public static RuleMatching parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
