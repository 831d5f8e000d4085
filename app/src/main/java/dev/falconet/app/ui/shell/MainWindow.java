package dev.falconet.app.ui.shell;

import atlantafx.base.theme.Styles;
import dev.falconet.app.ui.Page;
import dev.falconet.app.ui.ThemeManager;
import dev.falconet.app.ui.Views;
import dev.falconet.app.ui.i18n.I18n;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The window's layout: the navigation on the left, the current page in the middle, the status bar at
 * the bottom. Pages are built on first visit and kept, so their state survives navigation.
 */
public final class MainWindow extends BorderPane {
    private final ShellViewModel shell;
    private final Function<Page, Node> pageFactory;
    private final Map<Page, Node> pages = new EnumMap<>(Page.class);
    private final Map<Page, ToggleButton> navButtons = new EnumMap<>(Page.class);
    private final StackPane content = new StackPane();

    public MainWindow(I18n i18n, ShellViewModel shell, SessionViewModel session, SensorViewModel sensor, Function<Page, Node> pageFactory) {
        this.shell = shell;
        this.pageFactory = pageFactory;
        getStyleClass().add("main-window");
        setLeft(sidebar(i18n));
        content.getStyleClass().add("content");
        content.setPadding(new Insets(16));
        setCenter(new StackPane(content, new NoticeStack(i18n, session)));
        setBottom(statusBar(i18n, session, sensor));
        shell.pageProperty().addListener((o, a, b) -> show(b));
        shell.themeProperty().addListener((o, a, b) -> ThemeManager.apply(b));
        show(shell.pageProperty().get());
    }

    /** The page's view, built on first use. */
    public Node page(Page p) {
        return pages.computeIfAbsent(p, pageFactory);
    }

    private void show(Page p) {
        content.getChildren().setAll(page(p));
        ToggleButton b = navButtons.get(p);
        if (b != null && !b.isSelected()) b.setSelected(true);
    }

    private VBox sidebar(I18n i18n) {
        Label name = Views.label(i18n, "app.name");
        name.getStyleClass().addAll(Styles.TITLE_2, "app-name");
        Label tagline = Views.label(i18n, "app.tagline");
        tagline.getStyleClass().add(Styles.TEXT_MUTED);
        tagline.setWrapText(true);
        VBox box = new VBox(6, name, tagline, new Separator());
        ToggleGroup group = new ToggleGroup();
        for (Page p : Page.values()) {
            ToggleButton b = new ToggleButton();
            b.setId("nav-" + p.id());
            b.textProperty().bind(i18n.text(p.titleKey()));
            b.setToggleGroup(group);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setAlignment(Pos.CENTER_LEFT);
            b.getStyleClass().addAll("nav-button", Styles.FLAT);
            b.setOnAction(e -> {
                shell.pageProperty().set(p);
                b.setSelected(true);
            });
            navButtons.put(p, b);
            box.getChildren().add(b);
        }
        box.getStyleClass().add("sidebar");
        box.setPadding(new Insets(16, 10, 16, 10));
        box.setPrefWidth(200);
        return box;
    }

    private HBox statusBar(I18n i18n, SessionViewModel session, SensorViewModel sensor) {
        Label mode = Views.bound(Bindings.createStringBinding(() -> i18n.get(switch (sensor.modeProperty().get()) {
            case REPLAY -> "status.mode.replay";
            case HOST -> "status.mode.host";
            case CLUSTER -> "status.mode.cluster";
        }), sensor.modeProperty(), i18n.messagesProperty()));
        mode.setId("status-mode");
        mode.getStyleClass().add("status-mode");
        Label rules = Views.bound(Bindings.createStringBinding(() -> session.engineProperty().get() == null
                        ? i18n.get("status.rules.none") : i18n.get("status.rules.count", session.engineProperty().get().rules().size()),
                session.engineProperty(), i18n.messagesProperty()));
        rules.setId("status-rules");
        Label events = Views.bound(Bindings.createStringBinding(() -> i18n.get("status.events", session.eventsProperty().get()),
                session.eventsProperty(), i18n.messagesProperty()));
        Label alerts = Views.bound(Bindings.createStringBinding(() -> i18n.get("status.alerts", session.alerts().size()),
                session.alerts(), i18n.messagesProperty()));
        alerts.setId("status-alerts");
        Label message = Views.bound(Bindings.createStringBinding(() -> shell.saveProblemProperty().get() != null
                        ? i18n.get(shell.saveProblemProperty().get()) : i18n.get(session.statusProperty().get()),
                session.statusProperty(), shell.saveProblemProperty(), i18n.messagesProperty()));
        message.setId("status-message");
        HBox bar = new HBox(16, mode, new Separator(javafx.geometry.Orientation.VERTICAL), rules, events, alerts,
                new Separator(javafx.geometry.Orientation.VERTICAL), message);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("status-bar");
        bar.setPadding(new Insets(5, 12, 5, 12));
        return bar;
    }
}
