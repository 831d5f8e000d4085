package dev.falconet.app.ui.shell;

import atlantafx.base.controls.Notification;
import atlantafx.base.theme.Styles;
import dev.falconet.app.ui.i18n.I18n;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.layout.VBox;

/**
 * The session's notifications, stacked in the top-right corner over the page; each stays until closed.
 * Re-rendered when the language changes.
 */
final class NoticeStack extends VBox {
    private final I18n i18n;
    private final SessionViewModel session;

    NoticeStack(I18n i18n, SessionViewModel session) {
        super(8);
        this.i18n = i18n;
        this.session = session;
        setId("notices");
        setAlignment(Pos.TOP_RIGHT);
        setPadding(new Insets(10));
        setPickOnBounds(false); // clicks between notifications reach the page
        setMaxWidth(Double.MAX_VALUE);
        session.notices().addListener((ListChangeListener<Notice>) c -> render());
        i18n.messagesProperty().addListener((o, a, b) -> render());
        render();
    }

    private void render() {
        getChildren().clear();
        for (Notice n : session.notices()) {
            Notification box = new Notification(i18n.get(n.message()));
            box.getStyleClass().addAll(Styles.ELEVATED_1, n.error() ? Styles.DANGER : Styles.SUCCESS);
            box.setPrefWidth(420);
            box.setMaxWidth(420);
            box.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            box.setOnClose(e -> session.notices().remove(n));
            box.getStyleClass().add("notice");
            getChildren().add(box);
        }
    }
}
