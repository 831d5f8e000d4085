package dev.falconet.app.ui.settings;

import atlantafx.base.theme.Styles;
import dev.falconet.app.i18n.Messages;
import dev.falconet.app.settings.Theme;
import dev.falconet.app.ui.Views;
import dev.falconet.app.ui.i18n.I18n;
import dev.falconet.rules.Priority;
import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** The Settings page: appearance (theme, language, live), Telegram, rules files. */
public final class SettingsPage extends BorderPane {
    private final SettingsViewModel vm;
    private final I18n i18n;

    public SettingsPage(I18n i18n, SettingsViewModel vm) {
        this.vm = vm;
        this.i18n = i18n;
        getStyleClass().add("page");
        setId("settings-page");
        setTop(Views.title(i18n, "settings.title"));
        BorderPane.setMargin(getTop(), new Insets(0, 0, 10, 0));
        VBox content = new VBox(14, appearance(), telegram(), rules());
        content.setPadding(new Insets(0, 12, 12, 0));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        setCenter(scroll);
    }

    public SettingsViewModel viewModel() {
        return vm;
    }

    private VBox appearance() {
        ToggleGroup group = new ToggleGroup();
        RadioButton light = new RadioButton();
        light.setId("theme-light");
        light.textProperty().bind(i18n.text("settings.theme.light"));
        light.setToggleGroup(group);
        light.setUserData(Theme.LIGHT);
        RadioButton dark = new RadioButton();
        dark.setId("theme-dark");
        dark.textProperty().bind(i18n.text("settings.theme.dark"));
        dark.setToggleGroup(group);
        dark.setUserData(Theme.DARK);
        var theme = vm.shell().themeProperty();
        group.selectToggle(theme.get() == Theme.DARK ? dark : light);
        group.selectedToggleProperty().addListener((o, a, b) -> {
            if (b != null) theme.set((Theme) b.getUserData());
        });
        theme.addListener((o, a, b) -> group.selectToggle(b == Theme.DARK ? dark : light));

        ComboBox<Locale> language = new ComboBox<>(FXCollections.observableArrayList(Messages.LANGUAGES));
        language.setId("settings-language");
        Views.localize(language, i18n, l -> l == null ? "" : l.getLanguage().equals("ru") ? i18n.get("settings.language.ru") : i18n.get("settings.language.en"));
        language.valueProperty().bindBidirectional(vm.shell().languageProperty());

        GridPane g = form();
        g.addRow(0, Views.label(i18n, "settings.theme"), new HBox(12, light, dark));
        g.addRow(1, Views.label(i18n, "settings.language"), language);
        return section("settings.appearance", g);
    }

    private VBox telegram() {
        PasswordField token = new PasswordField();
        token.setId("telegram-token");
        token.textProperty().bindBidirectional(vm.tokenProperty());
        token.promptTextProperty().bind(i18n.text("settings.telegram.token.prompt"));
        token.setPrefColumnCount(34);
        TextField chat = new TextField();
        chat.setId("telegram-chat");
        chat.textProperty().bindBidirectional(vm.shell().telegramChatIdProperty());
        chat.promptTextProperty().bind(i18n.text("settings.telegram.chat.prompt"));
        ComboBox<Priority> min = new ComboBox<>(FXCollections.observableArrayList(Priority.values()));
        min.setId("telegram-priority");
        Views.localize(min, i18n, p -> p == null ? "" : p.display());
        min.valueProperty().bindBidirectional(vm.shell().telegramMinPriorityProperty());
        TextField api = new TextField();
        api.setId("telegram-api");
        api.textProperty().bindBidirectional(vm.shell().telegramApiUrlProperty());

        Button save = Views.button(i18n, "settings.telegram.save", vm::saveTelegram);
        Button test = Views.button(i18n, "settings.telegram.test", vm::sendTest);
        test.setId("telegram-test");
        test.getStyleClass().add(Styles.ACCENT);
        test.disableProperty().bind(vm.testingProperty());
        Label message = Views.bound(i18n.text(vm.telegramMessageProperty()));
        message.setId("telegram-message");
        message.setWrapText(true);
        ListView<String> report = new ListView<>(vm.testReport());
        report.setId("telegram-report");
        report.getStyleClass().add("terminal");
        report.setPrefHeight(110);
        report.setPlaceholder(Views.label(i18n, "settings.telegram.report.none"));

        GridPane g = form();
        g.addRow(0, Views.label(i18n, "settings.telegram.token"), token);
        g.addRow(1, Views.label(i18n, "settings.telegram.chat"), chat);
        g.addRow(2, Views.label(i18n, "settings.telegram.priority"), min);
        g.addRow(3, Views.label(i18n, "settings.telegram.api"), api);
        HBox buttons = new HBox(8, save, test);
        buttons.setAlignment(Pos.CENTER_LEFT);
        Label hint = Views.label(i18n, "settings.telegram.hint");
        hint.setWrapText(true);
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        return section("settings.telegram", hint, g, buttons, message, report);
    }

    private VBox rules() {
        ListView<Path> files = new ListView<>(vm.shell().rulesFiles());
        files.setId("settings-rules");
        files.setPrefHeight(110);
        files.setPlaceholder(Views.label(i18n, "settings.rules.project"));
        Button add = Views.button(i18n, "settings.rules.add", () -> {
            FileChooser fc = new FileChooser();
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(i18n.get("rules.filter.rulesfiles"), "*.yaml", "*.yml"));
            File f = fc.showOpenDialog(getScene().getWindow());
            if (f != null) vm.addRulesFile(f.toPath());
        });
        Button remove = Views.button(i18n, "settings.rules.remove", () -> {
            Path p = files.getSelectionModel().getSelectedItem();
            if (p != null) vm.removeRulesFile(p);
        });
        remove.disableProperty().bind(files.getSelectionModel().selectedItemProperty().isNull());
        Button apply = Views.button(i18n, "settings.rules.apply", vm::applyRules);
        apply.setId("settings-rules-apply");
        apply.getStyleClass().add(Styles.ACCENT);
        Label message = Views.bound(i18n.text(vm.rulesMessageProperty()));
        HBox buttons = new HBox(8, add, remove, apply);
        return section("settings.rules", files, buttons, message);
    }

    private VBox section(String titleKey, javafx.scene.Node... nodes) {
        Label title = Views.label(i18n, titleKey);
        title.getStyleClass().add(Styles.TITLE_4);
        VBox box = new VBox(8, title);
        box.getChildren().addAll(nodes);
        box.getStyleClass().add("card-box");
        return box;
    }

    private static GridPane form() {
        GridPane g = new GridPane();
        g.setHgap(12);
        g.setVgap(8);
        return g;
    }
}
