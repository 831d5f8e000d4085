package dev.falconet.app.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The app's resource bundles (English and Russian). A missing key shows as {@code !key!} so it is
 * visible on screen and caught by the UI tests, never as an exception.
 */
public final class Messages {
    /** Bundle base name; the files are UTF-8 {@code messages.properties} and {@code messages_ru.properties}. */
    public static final String BUNDLE = "dev.falconet.app.ui.i18n.messages";
    /** The languages the app offers, in menu order. */
    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("ru"));

    private final Locale locale;
    private final ResourceBundle bundle;

    public Messages(Locale locale) {
        this.locale = locale;
        // the root bundle is English: never fall back to the JVM's default locale
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public Locale locale() {
        return locale;
    }

    /** The text for {@code key} with {@code args} substituted. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    public String get(Msg msg) {
        return get(msg.key(), msg.args().toArray());
    }

    /** The supported language closest to a tag ({@code ru-RU} → Russian, anything else → English). */
    public static Locale language(String tag) {
        if (tag == null) return Locale.ENGLISH;
        String lang = Locale.forLanguageTag(tag.replace('_', '-')).getLanguage();
        return LANGUAGES.stream().filter(l -> l.getLanguage().equals(lang)).findFirst().orElse(Locale.ENGLISH);
    }
}
