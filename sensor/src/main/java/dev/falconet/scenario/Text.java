package dev.falconet.scenario;

import java.util.Objects;

/**
 * A user-facing text in both languages of the lab.
 *
 * @param en English
 * @param ru Russian
 */
public record Text(String en, String ru) {
    public Text {
        Objects.requireNonNull(en, "en");
        Objects.requireNonNull(ru, "ru");
    }

    /** The text in {@code lang} ("ru" gives Russian, anything else English). */
    public String in(String lang) {
        return "ru".equals(lang) ? ru : en;
    }
}
