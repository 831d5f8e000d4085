package dev.falconet.exercise;

import java.util.Objects;

/**
 * A text a student reads, in English and Russian (both are required in exercise files).
 *
 * @param en the English text
 * @param ru the Russian text
 */
public record Translated(String en, String ru) {
    public Translated {
        Objects.requireNonNull(en, "en");
        Objects.requireNonNull(ru, "ru");
    }

    /** The text in {@code lang} ("ru" gives Russian, anything else English). */
    public String in(String lang) {
        return "ru".equalsIgnoreCase(lang) ? ru : en;
    }
}
