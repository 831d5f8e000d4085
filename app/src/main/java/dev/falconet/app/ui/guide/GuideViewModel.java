package dev.falconet.app.ui.guide;

import dev.falconet.app.guide.GuideDocument;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Guide page: the document in the current language and the section shown. Switching language keeps
 * the section (sections have the same ids in every language).
 */
public final class GuideViewModel {
    private final Map<String, GuideDocument> loaded = new HashMap<>();
    private final ObjectProperty<GuideDocument> document = new SimpleObjectProperty<>();
    private final StringProperty section = new SimpleStringProperty();

    public GuideViewModel(Locale language) {
        language(language);
    }

    public ReadOnlyObjectProperty<GuideDocument> documentProperty() {
        return document;
    }

    /** The id of the section shown. */
    public StringProperty sectionProperty() {
        return section;
    }

    /** Shows the guide in {@code language}, at the same section. */
    public void language(Locale language) {
        GuideDocument d = loaded.computeIfAbsent(language.getLanguage(), l -> GuideDocument.load(language));
        document.set(d);
        if (section.get() == null || current() == null) section.set(d.sections().getFirst().id());
    }

    /** The section shown. */
    public GuideDocument.Section current() {
        GuideDocument d = document.get();
        if (d == null) return null;
        return d.sections().stream().filter(s -> s.id().equals(section.get())).findFirst().orElse(null);
    }
}
