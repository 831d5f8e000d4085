package dev.falconet.app.ui.lab;

import atlantafx.base.theme.Styles;
import dev.falconet.app.ui.Views;
import dev.falconet.app.ui.i18n.I18n;
import dev.falconet.lab.kube.PodRow;
import dev.falconet.lab.prereq.ToolStatus;
import java.util.List;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The Lab page: prerequisites with install hints, the cluster's state, the pods, and replay mode in one click. */
public final class LabPage extends BorderPane {
    private final LabViewModel vm;

    public LabPage(I18n i18n, LabViewModel vm) {
        this.vm = vm;
        getStyleClass().add("page");
        setId("lab-page");

        Button refresh = Views.button(i18n, "lab.refresh", vm::refresh);
        refresh.setId("lab-refresh");
        refresh.disableProperty().bind(vm.checkingProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.checkingProperty());
        HBox header = new HBox(8, Views.title(i18n, "lab.title"), busy, Views.grow(), refresh);
        header.setAlignment(Pos.CENTER_LEFT);
        setTop(header);
        BorderPane.setMargin(header, new Insets(0, 0, 10, 0));

        // replay mode: the path that always works
        Label replayTitle = Views.label(i18n, "lab.replay.title");
        replayTitle.getStyleClass().add(Styles.TITLE_4);
        Label replayText = Views.label(i18n, "lab.replay.text");
        replayText.setWrapText(true);
        Button replay = Views.button(i18n, "lab.replay.button", vm::useReplayMode);
        replay.setId("lab-replay");
        replay.getStyleClass().addAll(Styles.ACCENT, Styles.LARGE);
        VBox replayCard = new VBox(6, replayTitle, replayText, replay);
        replayCard.getStyleClass().add("card-box");

        TableView<ToolStatus> tools = new TableView<>(vm.tools());
        tools.setId("lab-tools");
        TableColumn<ToolStatus, String> name = Views.column(i18n, "lab.tools.col.tool", ToolStatus::name);
        name.setPrefWidth(90);
        TableColumn<ToolStatus, String> state = Views.column(i18n, "lab.tools.col.state", t -> t.usable()
                ? i18n.get("lab.tools.ok", t.version() == null ? "" : t.version())
                : t.found() ? i18n.get("lab.tools.broken", t.problem()) : i18n.get("lab.tools.missing"));
        state.setPrefWidth(200);
        TableColumn<ToolStatus, String> purpose = Views.column(i18n, "lab.tools.col.purpose",
                t -> (t.required() ? "" : i18n.get("lab.tools.optional") + " ") + t.purpose());
        purpose.setPrefWidth(300);
        TableColumn<ToolStatus, String> hint = Views.column(i18n, "lab.tools.col.hint", t -> t.installHint() == null ? "" : t.installHint());
        hint.setPrefWidth(420);
        tools.getColumns().addAll(List.of(name, state, purpose, hint));
        tools.setPlaceholder(Views.label(i18n, "lab.tools.none"));
        tools.setPrefHeight(210);

        Label driver = Views.bound(i18n.text(vm.driverProperty()));
        driver.setWrapText(true);
        Label cluster = Views.bound(i18n.text(vm.clusterProperty()));
        cluster.setId("lab-cluster");
        cluster.getStyleClass().add(Styles.TEXT_BOLD);

        TableView<PodRow> pods = new TableView<>(vm.pods());
        pods.setId("lab-pods");
        pods.getColumns().addAll(List.of(
                Views.column(i18n, "lab.pods.col.namespace", PodRow::namespace),
                Views.column(i18n, "lab.pods.col.name", PodRow::name),
                Views.column(i18n, "lab.pods.col.images", p -> String.join(", ", p.images())),
                Views.column(i18n, "lab.pods.col.labels", p -> p.labels().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "))),
                Views.column(i18n, "lab.pods.col.node", PodRow::node),
                Views.column(i18n, "lab.pods.col.status", PodRow::status),
                Views.column(i18n, "lab.pods.col.ready", PodRow::readyColumn),
                Views.column(i18n, "lab.pods.col.restarts", p -> Integer.toString(p.restarts())),
                Views.column(i18n, "lab.pods.col.age", PodRow::age)));
        pods.setPlaceholder(Views.label(i18n, "lab.pods.none"));
        pods.setPrefHeight(180);

        ListView<String> equivalents = new ListView<>(vm.equivalents());
        equivalents.setId("lab-equivalents");
        equivalents.getStyleClass().add("terminal");
        equivalents.setPlaceholder(Views.label(i18n, "lab.equivalents.none"));
        equivalents.setPrefHeight(120);

        VBox content = new VBox(12, replayCard,
                Views.title(i18n, "lab.tools.title"), tools, driver,
                Views.title(i18n, "lab.cluster.title"), cluster, pods,
                Views.title(i18n, "lab.equivalents.title"), equivalents);
        content.setPadding(new Insets(0, 12, 12, 0));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        setCenter(scroll);
    }

    public LabViewModel viewModel() {
        return vm;
    }
}
