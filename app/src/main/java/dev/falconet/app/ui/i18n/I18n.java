package dev.falconet.app.ui.i18n;

import dev.falconet.app.i18n.Messages;
import dev.falconet.app.i18n.Msg;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;

/**
 * The current language as a JavaFX property, and texts bound to it: every label bound through here
 * changes as soon as the language does.
 */
public final class I18n {
    private final ObjectProperty<Messages> messages;
    private final ObjectProperty<Locale> locale;

    public I18n(Locale initial) {
        this.messages = new SimpleObjectProperty<>(new Messages(initial));
        this.locale = new SimpleObjectProperty<>(initial);
        locale.addListener((o, was, now) -> messages.set(new Messages(now)));
    }

    public ObjectProperty<Locale> localeProperty() {
        return locale;
    }

    /**
     * Changes after the language did, with the new texts already in place: depend on this (not on
     * {@link #localeProperty()}) in bindings that call {@link #get}.
     */
    public javafx.beans.value.ObservableValue<Messages> messagesProperty() {
        return messages;
    }

    /** The text of {@code key} now. */
    public String get(String key, Object... args) {
        return messages.get().get(key, args);
    }

    /** The text of {@code key}, following the language. */
    public StringBinding text(String key, Object... args) {
        return Bindings.createStringBinding(() -> messages.get().get(key, args), messages);
    }

    /** The text of a changing message (empty for null), following the language. */
    public StringBinding text(ObservableValue<Msg> msg) {
        return Bindings.createStringBinding(() -> msg.getValue() == null ? "" : messages.get().get(msg.getValue()), messages, msg);
    }

    /** The text of a message now (empty for null). */
    public String get(Msg msg) {
        return msg == null ? "" : messages.get().get(msg);
    }
}
