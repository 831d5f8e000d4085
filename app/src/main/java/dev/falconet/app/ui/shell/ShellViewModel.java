package dev.falconet.app.ui.shell;

import dev.falconet.app.i18n.Msg;
import dev.falconet.app.settings.AppSettings;
import dev.falconet.app.settings.AppSettingsStore;
import dev.falconet.app.settings.Theme;
import dev.falconet.app.ui.Page;
import dev.falconet.rules.Priority;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The window's state: the page shown, theme, language, and the settings kept between runs (each
 * change is saved at once, so a crash loses nothing).
 */
public final class ShellViewModel {
    private final AppSettingsStore store;
    private final ObjectProperty<Page> page = new SimpleObjectProperty<>(Page.LAB);
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    private final ObjectProperty<Locale> language = new SimpleObjectProperty<>(Locale.ENGLISH);
    private final ObservableList<Path> rulesFiles = FXCollections.observableArrayList();
    private final StringProperty telegramChatId = new SimpleStringProperty("");
    private final ObjectProperty<Priority> telegramMinPriority = new SimpleObjectProperty<>(Priority.WARNING);
    private final StringProperty telegramApiUrl = new SimpleStringProperty("");
    private final ObjectProperty<Msg> saveProblem = new SimpleObjectProperty<>();
    private double width;
    private double height;
    private boolean loading;

    public ShellViewModel(AppSettingsStore store) {
        this.store = store;
        AppSettings s = store.load();
        loading = true;
        page.set(Page.byId(s.lastPage()));
        theme.set(s.theme());
        language.set(s.language());
        rulesFiles.setAll(s.rulesFiles());
        telegramChatId.set(s.telegramChatId());
        telegramMinPriority.set(s.telegramMinPriority());
        telegramApiUrl.set(s.telegramApiUrl());
        width = s.width();
        height = s.height();
        loading = false;
        page.addListener((o, a, b) -> save());
        theme.addListener((o, a, b) -> save());
        language.addListener((o, a, b) -> save());
        rulesFiles.addListener((javafx.collections.ListChangeListener<Path>) c -> save());
    }

    public ObjectProperty<Page> pageProperty() {
        return page;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public ObjectProperty<Locale> languageProperty() {
        return language;
    }

    public ObservableList<Path> rulesFiles() {
        return rulesFiles;
    }

    public StringProperty telegramChatIdProperty() {
        return telegramChatId;
    }

    public ObjectProperty<Priority> telegramMinPriorityProperty() {
        return telegramMinPriority;
    }

    public StringProperty telegramApiUrlProperty() {
        return telegramApiUrl;
    }

    /** Set when the settings file could not be written. */
    public ObjectProperty<Msg> saveProblemProperty() {
        return saveProblem;
    }

    public double width() {
        return width;
    }

    public double height() {
        return height;
    }

    /** Remembers the window size (saved at once). */
    public void windowSize(double w, double h) {
        width = w;
        height = h;
        save();
    }

    public AppSettings current() {
        return new AppSettings(theme.get(), language.get(), page.get().id(), width, height, List.copyOf(rulesFiles),
                telegramChatId.get(), telegramMinPriority.get(), telegramApiUrl.get());
    }

    /** Writes the settings file now. */
    public void save() {
        if (loading) return;
        try {
            store.save(current());
            saveProblem.set(null);
        } catch (IOException | RuntimeException e) {
            saveProblem.set(Msg.of("status.settings.unsaved", store.file().toString(), String.valueOf(e.getMessage())));
        }
    }
}
