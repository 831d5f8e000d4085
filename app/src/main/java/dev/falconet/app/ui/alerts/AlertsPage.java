package dev.falconet.app.ui.alerts;

import atlantafx.base.theme.Styles;
import dev.falconet.app.alerts.AlertFilter;
import dev.falconet.app.ui.Views;
import dev.falconet.app.ui.i18n.I18n;
import dev.falconet.app.ui.telegram.TelegramPane;
import dev.falconet.app.ui.telegram.TelegramViewModel;
import dev.falconet.app.ui.shell.SessionViewModel;
import dev.falconet.output.Alert;
import dev.falconet.output.AlertFormats;
import dev.falconet.rules.Priority;
import java.io.File;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** The Alerts page: live feed with priority colours, filters, a detail pane and JSON export. */
public final class AlertsPage extends BorderPane {
    private final AlertsViewModel vm;
    private final TableView<Alert> table = new TableView<>();

    public AlertsPage(I18n i18n, SessionViewModel session, TelegramViewModel telegram) {
        this.vm = new AlertsViewModel(session.alerts());
        getStyleClass().add("page");
        setId("alerts-page");

        Label title = Views.title(i18n, "alerts.title");
        Button replay = Views.button(i18n, "alerts.replay", session::replayDemo);
        replay.setId("alerts-replay");
        replay.getStyleClass().add(Styles.ACCENT);
        replay.disableProperty().bind(session.replayingProperty());
        Button stop = Views.button(i18n, "alerts.stop", session::stopReplay);
        stop.disableProperty().bind(session.replayingProperty().not());
        Button clear = Views.button(i18n, "alerts.clear", session::clearAlerts);
        Button export = Views.button(i18n, "alerts.export", this::export);
        export.setId("alerts-export");
        HBox header = new HBox(8, title, Views.grow(), replay, stop, clear, export);
        header.setAlignment(Pos.CENTER_LEFT);

        setTop(new VBox(10, header, filters(i18n)));
        BorderPane.setMargin(getTop(), new Insets(0, 0, 10, 0));

        table.setId("alerts-table");
        table.setItems(vm.shown());
        TableColumn<Alert, String> time = Views.column(i18n, "alerts.col.time",
                a -> shortTime(AlertFormats.timeOfDay(a.timeNanos(), ZoneId.systemDefault())));
        time.setPrefWidth(105);
        time.setMinWidth(118);
        TableColumn<Alert, Priority> prio = Views.priorityColumn(i18n, "alerts.col.priority", Alert::priority);
        prio.setPrefWidth(120);
        prio.setMinWidth(115);
        TableColumn<Alert, String> rule = Views.column(i18n, "alerts.col.rule", Alert::rule);
        rule.setPrefWidth(250);
        rule.setMinWidth(190);
        TableColumn<Alert, String> ns = Views.column(i18n, "alerts.col.namespace", AlertFilter::namespaceOf);
        ns.setPrefWidth(100);
        ns.setMinWidth(80);
        TableColumn<Alert, String> out = Views.column(i18n, "alerts.col.output", Alert::message);
        out.setPrefWidth(400);
        out.setMinWidth(150);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().addAll(List.of(time, prio, rule, ns, out));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Alert a, boolean empty) {
                super.updateItem(a, empty);
                getStyleClass().removeIf(s -> s.startsWith("alert-row-"));
                if (!empty && a != null) getStyleClass().add("alert-row-" + a.priority().name().toLowerCase());
            }
        });
        Label empty = Views.label(i18n, "alerts.empty");
        empty.setWrapText(true);
        table.setPlaceholder(empty);
        vm.selectedProperty().bind(table.getSelectionModel().selectedItemProperty());
        // follow the feed: show the newest alert as it arrives
        session.alerts().addListener((ListChangeListener<Alert>) c -> {
            if (!vm.shown().isEmpty() && table.getSelectionModel().isEmpty()) table.scrollTo(vm.shown().size() - 1);
        });

        TableView<AlertsViewModel.Field> details = new TableView<>(vm.details());
        details.setId("alert-details");
        TableColumn<AlertsViewModel.Field, String> fname = Views.column(i18n, "alerts.detail.field", AlertsViewModel.Field::name);
        fname.setPrefWidth(150);
        fname.setMinWidth(125);
        TableColumn<AlertsViewModel.Field, String> fvalue = Views.column(i18n, "alerts.detail.value", AlertsViewModel.Field::value);
        fvalue.setPrefWidth(300);
        details.getColumns().addAll(List.of(fname, fvalue));
        details.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        details.setPlaceholder(Views.label(i18n, "alerts.detail.none"));
        VBox detailPane = new VBox(6, Views.label(i18n, "alerts.detail.title"), details);
        VBox.setVgrow(details, javafx.scene.layout.Priority.ALWAYS);

        TelegramPane tg = new TelegramPane(i18n, telegram);
        tg.setId("alerts-telegram");
        tg.alertProperty().bind(table.getSelectionModel().selectedItemProperty());
        tg.setPadding(new Insets(8, 0, 0, 8));
        SplitPane right = new SplitPane(detailPane, tg);
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.45);
        SplitPane split = new SplitPane(table, right);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.6);
        detailPane.setPadding(new Insets(0, 0, 0, 8));
        setCenter(split);

        Label msg = Views.bound(i18n.text(vm.messageProperty()));
        msg.setId("alerts-message");
        Label count = Views.bound(javafx.beans.binding.Bindings.createStringBinding(
                () -> i18n.get("alerts.count", vm.shown().size(), session.alerts().size()), vm.shown(), session.alerts(), i18n.messagesProperty()));
        count.setId("alerts-count");
        HBox bottom = new HBox(12, count, msg);
        bottom.setPadding(new Insets(8, 0, 0, 0));
        setBottom(bottom);
    }

    public AlertsViewModel viewModel() {
        return vm;
    }

    private HBox filters(I18n i18n) {
        ComboBox<String> rule = new ComboBox<>();
        rule.setId("filter-rule");
        rule.setItems(withAny(vm.rules()));
        rule.setValue("");
        Views.localize(rule, i18n, s -> s == null || s.isEmpty() ? i18n.get("alerts.filter.anyrule") : s);
        rule.valueProperty().addListener((o, a, b) -> vm.ruleProperty().set(b == null ? "" : b));
        rule.setPrefWidth(230);

        ComboBox<Priority> prio = new ComboBox<>();
        prio.setId("filter-priority");
        List<Priority> ps = new ArrayList<>();
        ps.add(null);
        ps.addAll(Arrays.asList(Priority.values()));
        prio.setItems(FXCollections.observableArrayList(ps));
        Views.localize(prio, i18n, p -> p == null ? i18n.get("alerts.filter.anypriority") : i18n.get("alerts.filter.atleast", p.display()));
        prio.valueProperty().bindBidirectional(vm.minPriorityProperty());

        ComboBox<String> ns = new ComboBox<>();
        ns.setId("filter-namespace");
        ns.setItems(withAny(vm.namespaces()));
        ns.setValue("");
        Views.localize(ns, i18n, s -> s == null || s.isEmpty() ? i18n.get("alerts.filter.anynamespace") : s);
        ns.valueProperty().addListener((o, a, b) -> vm.namespaceProperty().set(b == null ? "" : b));

        TextField text = new TextField();
        text.setId("filter-text");
        text.promptTextProperty().bind(i18n.text("alerts.filter.text"));
        text.textProperty().bindBidirectional(vm.textProperty());
        text.setPrefWidth(220);

        Button reset = Views.button(i18n, "alerts.filter.reset", () -> {
            vm.clearFilters();
            rule.setValue("");
            ns.setValue("");
        });
        reset.getStyleClass().add(Styles.FLAT);
        HBox box = new HBox(8, rule, prio, ns, text, reset);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** "" (any) followed by the items, kept in step with them. */
    private static ObservableList<String> withAny(ObservableList<String> items) {
        ObservableList<String> out = FXCollections.observableArrayList("");
        out.addAll(items);
        items.addListener((ListChangeListener<String>) c -> {
            List<String> all = new ArrayList<>();
            all.add("");
            all.addAll(items);
            out.setAll(all);
        });
        return out;
    }

    /** {@code HH:MM:SS.mmm} of Falco's nanosecond time of day. */
    private static String shortTime(String timeOfDay) {
        return timeOfDay.length() > 12 ? timeOfDay.substring(0, 12) : timeOfDay;
    }

    private void export() {
        FileChooser fc = new FileChooser();
        fc.setInitialFileName("alerts.json");
        File f = fc.showSaveDialog(getScene().getWindow());
        if (f != null) vm.export(f.toPath());
    }
}
