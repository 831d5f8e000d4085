package dev.falconet.scenario;

import java.util.List;

/**
 * A list of user-facing texts (objectives, hints) in both languages; the two lists may differ in length.
 *
 * @param en English items
 * @param ru Russian items
 */
public record TextList(List<String> en, List<String> ru) {
    public static final TextList EMPTY = new TextList(List.of(), List.of());

    public TextList {
        en = List.copyOf(en);
        ru = List.copyOf(ru);
    }

    /** The items in {@code lang} ("ru" gives Russian, anything else English). */
    public List<String> in(String lang) {
        return "ru".equals(lang) ? ru : en;
    }
}
