package dev.falconet.app.ui.shell;

import dev.falconet.app.i18n.Msg;

/**
 * A notification shown over the window until dismissed: what went wrong (or right) and what to do next,
 * as a message rendered in the current language.
 *
 * @param error true for a failure (red), false for news (green)
 */
public record Notice(Msg message, boolean error) {
    public static Notice error(String key, Object... args) {
        return new Notice(Msg.of(key, args), true);
    }

    public static Notice info(String key, Object... args) {
        return new Notice(Msg.of(key, args), false);
    }
}
