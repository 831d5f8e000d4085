package dev.falconet.app.i18n;

import java.util.List;
import java.util.Objects;

/**
 * A user-visible message not yet translated: a resource-bundle key and its arguments. View models
 * hold these instead of text so the view can render them in whatever language is current, and
 * re-render them when the language changes.
 *
 * @param key  a key of {@code dev/falconet/app/ui/i18n/messages.properties}
 * @param args the {@link java.text.MessageFormat} arguments ({@code {0}}, {@code {1}} ...)
 */
public record Msg(String key, List<Object> args) {
    public Msg {
        Objects.requireNonNull(key, "key");
        args = List.copyOf(args);
    }

    public static Msg of(String key, Object... args) {
        return new Msg(key, List.of(args));
    }
}
