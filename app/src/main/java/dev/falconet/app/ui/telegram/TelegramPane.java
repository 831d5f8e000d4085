package dev.falconet.app.ui.telegram;

import atlantafx.base.theme.Styles;
import dev.falconet.app.telegram.MarkdownV2;
import dev.falconet.app.ui.Views;
import dev.falconet.app.ui.i18n.I18n;
import dev.falconet.output.Alert;
import dev.falconet.output.DeliveryStatus;
import dev.falconet.output.telegram.TelegramFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * One alert as Telegram shows it (the MarkdownV2 message rendered in a chat bubble) and its delivery
 * timeline: queued, sending, sent with the message id, retrying with the reason, failed.
 */
public final class TelegramPane extends VBox {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private final I18n i18n;
    private final TelegramViewModel vm;
    private final ObjectProperty<Alert> alert = new SimpleObjectProperty<>();
    private final TextFlow bubble = new TextFlow();
    private final ListView<DeliveryStatus> timeline = new ListView<>();
    private final Label deliveryState = new Label();

    public TelegramPane(I18n i18n, TelegramViewModel vm) {
        super(8);
        this.i18n = i18n;
        this.vm = vm;
        getStyleClass().add("telegram-pane");
        Label state = Views.bound(i18n.text(vm.stateProperty()));
        state.setId("telegram-state");
        state.setWrapText(true);
        state.getStyleClass().add(Styles.TEXT_MUTED);
        bubble.setId("telegram-message");
        bubble.getStyleClass().add("telegram-bubble");
        ScrollPane chat = new ScrollPane(bubble);
        chat.setFitToWidth(true);
        chat.getStyleClass().add("telegram-chat");
        chat.setPrefHeight(260);
        VBox.setVgrow(chat, Priority.ALWAYS);
        deliveryState.setId("telegram-delivery-state");
        deliveryState.getStyleClass().add(Styles.TEXT_BOLD);
        deliveryState.setWrapText(true);
        deliveryState.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        timeline.setId("telegram-timeline");
        timeline.setPrefHeight(120);
        timeline.setPlaceholder(Views.label(i18n, "telegram.timeline.none"));
        timeline.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(DeliveryStatus d, boolean empty) {
                super.updateItem(d, empty);
                getStyleClass().removeAll("delivery-sent", "delivery-failed", "delivery-retrying");
                if (empty || d == null) {
                    setText(null);
                    return;
                }
                setText(TIME.format(d.at()) + "  " + i18n.get(step(d)));
                getStyleClass().add("delivery-" + d.state().label());
            }
        });
        getChildren().addAll(Views.title(i18n, "telegram.title"), state, chat, deliveryState, timeline);
        alert.addListener((o, a, b) -> refresh());
        vm.deliveries().addListener((ListChangeListener<DeliveryStatus>) c -> refresh());
        i18n.messagesProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    /** The alert shown. */
    public ObjectProperty<Alert> alertProperty() {
        return alert;
    }

    private void refresh() {
        Alert a = alert.get();
        bubble.getChildren().clear();
        if (a == null) {
            bubble.getChildren().add(new Text(i18n.get("telegram.none")));
            timeline.getItems().clear();
            deliveryState.setText("");
            return;
        }
        for (MarkdownV2.Span s : MarkdownV2.parse(TelegramFormat.render(a).text())) {
            Text t = new Text(s.text());
            t.getStyleClass().add("telegram-text");
            if (s.bold()) t.getStyleClass().add("telegram-bold");
            if (s.italic()) t.getStyleClass().add("telegram-italic");
            if (s.code()) t.getStyleClass().add("telegram-code");
            t.setUnderline(s.underline());
            t.setStrikethrough(s.strike());
            bubble.getChildren().add(t);
        }
        var steps = vm.timeline(a.uuid());
        timeline.getItems().setAll(steps);
        if (!vm.configured() && steps.isEmpty()) deliveryState.setText(i18n.get("telegram.delivery.off"));
        else if (steps.isEmpty()) deliveryState.setText(i18n.get("telegram.delivery.none"));
        else deliveryState.setText(i18n.get(step(steps.getLast())));
    }

    /** One step in words. */
    static dev.falconet.app.i18n.Msg step(DeliveryStatus d) {
        return switch (d.state()) {
            case QUEUED -> dev.falconet.app.i18n.Msg.of("telegram.step.queued");
            case SENDING -> dev.falconet.app.i18n.Msg.of("telegram.step.sending", d.attempt());
            case SENT -> dev.falconet.app.i18n.Msg.of("telegram.step.sent", d.messageId() == null ? "?" : d.messageId().toString());
            case RETRYING -> dev.falconet.app.i18n.Msg.of("telegram.step.retrying", d.attempt(), String.valueOf(d.reason()),
                    d.nextAttempt() == null ? "?" : TIME.format(d.nextAttempt()));
            case FAILED -> dev.falconet.app.i18n.Msg.of("telegram.step.failed", String.valueOf(d.reason()));
        };
    }
}
