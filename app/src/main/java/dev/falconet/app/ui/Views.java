package dev.falconet.app.ui;

import atlantafx.base.theme.Styles;
import dev.falconet.app.ui.i18n.I18n;
import dev.falconet.rules.Priority;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;

/** Small builders shared by the pages: labels, buttons and columns whose text follows the language. */
public final class Views {
    private Views() {}

    public static Label label(I18n i18n, String key) {
        Label l = new Label();
        l.textProperty().bind(i18n.text(key));
        return l;
    }

    /** A page or section title. */
    public static Label title(I18n i18n, String key) {
        Label l = label(i18n, key);
        l.getStyleClass().add(Styles.TITLE_3);
        return l;
    }

    public static Button button(I18n i18n, String key, Runnable action) {
        Button b = new Button();
        b.textProperty().bind(i18n.text(key));
        b.setOnAction(e -> action.run());
        b.setMinWidth(Region.USE_PREF_SIZE); // a button never shrinks to "..."
        return b;
    }

    public static Tooltip tooltip(I18n i18n, String key) {
        Tooltip t = new Tooltip();
        t.textProperty().bind(i18n.text(key));
        return t;
    }

    /** A table column with a localized header showing {@code value(row)} as text. */
    public static <S> TableColumn<S, String> column(I18n i18n, String key, Function<S, String> value) {
        TableColumn<S, String> c = new TableColumn<>();
        c.textProperty().bind(i18n.text(key));
        // bound to the language: cells that show translated text re-render when it changes
        c.setCellValueFactory(cd -> javafx.beans.binding.Bindings.createStringBinding(
                () -> cd.getValue() == null ? "" : value.apply(cd.getValue()), i18n.messagesProperty()));
        return c;
    }

    /** A column showing a priority as a coloured badge. */
    public static <S> TableColumn<S, Priority> priorityColumn(I18n i18n, String key, Function<S, Priority> value) {
        TableColumn<S, Priority> c = new TableColumn<>();
        c.textProperty().bind(i18n.text(key));
        c.setCellValueFactory(cd -> new javafx.beans.property.ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Priority p, boolean empty) {
                super.updateItem(p, empty);
                setGraphic(empty || p == null ? null : badge(p));
                setText(null);
            }
        });
        return c;
    }

    /** A priority badge: red for Critical and above, orange for Error/Warning, blue for Notice, grey below. */
    public static Label badge(Priority p) {
        Label l = new Label(p.display());
        l.getStyleClass().addAll("priority-badge", "priority-" + p.name().toLowerCase());
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /** A combo box whose item texts are re-rendered when the language changes. */
    public static <T> void localize(ComboBox<T> box, I18n i18n, Function<T, String> text) {
        Runnable set = () -> box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T t) {
                return text.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        });
        set.run();
        i18n.messagesProperty().addListener((o, a, b) -> {
            T v = box.getValue();
            set.run();
            box.setValue(null);
            box.setValue(v);
        });
    }

    public static Region grow() {
        Region r = new Region();
        HBox.setHgrow(r, javafx.scene.layout.Priority.ALWAYS);
        return r;
    }

    /** A label bound to a changing text. */
    public static Label bound(ObservableValue<String> text) {
        Label l = new Label();
        l.textProperty().bind(text);
        return l;
    }
}
