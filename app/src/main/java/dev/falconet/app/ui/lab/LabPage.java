package dev.falconet.app.ui.lab;

import atlantafx.base.theme.Styles;
import dev.falconet.app.ui.Views;
import dev.falconet.app.ui.i18n.I18n;
import dev.falconet.app.ui.shell.SensorViewModel;
import dev.falconet.app.ui.shell.SessionViewModel;
import javafx.beans.binding.Bindings;
import javafx.scene.control.ProgressBar;
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

    public LabPage(I18n i18n, LabViewModel vm, SensorViewModel sensor, SessionViewModel session) {
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

        // the cluster: start/stop with the live log, deploy the lab's application
        Button start = Views.button(i18n, "lab.cluster.start", vm::startCluster);
        start.setId("lab-start");
        start.getStyleClass().add(Styles.SUCCESS);
        Button stop = Views.button(i18n, "lab.cluster.stop", vm::stopCluster);
        stop.setId("lab-stop");
        Button deploy = Views.button(i18n, "lab.cluster.deploy", vm::deployApps);
        deploy.setId("lab-deploy");
        for (Button b : List.of(start, stop, deploy)) b.disableProperty().bind(vm.runningProperty().isNotNull().or(vm.checkingProperty()));
        ProgressBar progress = new ProgressBar();
        progress.setId("lab-progress");
        progress.progressProperty().bind(vm.progressProperty());
        progress.setPrefWidth(260);
        progress.visibleProperty().bind(vm.runningProperty().isNotNull());
        Label action = Views.bound(Bindings.createStringBinding(() -> vm.runningProperty().get() == null ? ""
                : i18n.get(switch (vm.runningProperty().get()) {
                    case START -> "lab.cluster.starting";
                    case STOP -> "lab.cluster.stopping";
                    case DEPLOY -> "lab.cluster.deploying";
                }), vm.runningProperty(), i18n.messagesProperty()));
        HBox clusterActions = new HBox(8, start, stop, deploy, progress, action);
        clusterActions.setAlignment(Pos.CENTER_LEFT);
        ListView<String> log = new ListView<>(vm.log());
        log.setId("lab-log");
        log.getStyleClass().add("terminal");
        log.setPlaceholder(Views.label(i18n, "lab.log.empty"));
        log.setPrefHeight(130);
        vm.log().addListener((javafx.collections.ListChangeListener<String>) c -> log.scrollTo(vm.log().size() - 1));

        // the sensor: where alerts come from, how fast, what it lost
        Label mode = Views.bound(Bindings.createStringBinding(() -> i18n.get(switch (sensor.modeProperty().get()) {
            case REPLAY -> "lab.sensor.mode.replay";
            case HOST -> "lab.sensor.mode.host";
            case CLUSTER -> "lab.sensor.mode.cluster";
        }), sensor.modeProperty(), i18n.messagesProperty()));
        mode.setId("lab-sensor-mode");
        mode.getStyleClass().add(Styles.TEXT_BOLD);
        Label rate = Views.bound(Bindings.createStringBinding(() -> Double.isNaN(sensor.eventsPerSecondProperty().get())
                        ? i18n.get("lab.sensor.rate.none") : i18n.get("lab.sensor.rate", Math.round(sensor.eventsPerSecondProperty().get())),
                sensor.eventsPerSecondProperty(), i18n.messagesProperty()));
        rate.setId("lab-sensor-rate");
        Label drops = Views.bound(Bindings.createStringBinding(() -> i18n.get("lab.sensor.drops", sensor.dropsProperty().get()),
                sensor.dropsProperty(), i18n.messagesProperty()));
        drops.setId("lab-sensor-drops");
        Label rules = Views.bound(Bindings.createStringBinding(() -> session.engineProperty().get() == null ? i18n.get("lab.sensor.rules.none")
                        : i18n.get("lab.sensor.rules", session.engineProperty().get().rules().size()),
                session.engineProperty(), i18n.messagesProperty()));
        rules.setId("lab-sensor-rules");
        Label sensorState = Views.bound(i18n.text(sensor.stateProperty()));
        sensorState.setId("lab-sensor-state");
        sensorState.setWrapText(true);
        Button host = Views.button(i18n, "lab.sensor.host", sensor::startHost);
        host.setId("lab-sensor-host");
        host.setTooltip(Views.tooltip(i18n, "lab.sensor.host.tip"));
        Button cluster2 = Views.button(i18n, "lab.sensor.cluster", sensor::connectCluster);
        cluster2.setId("lab-sensor-cluster");
        Button replay2 = Views.button(i18n, "lab.sensor.replay", sensor::useReplay);
        replay2.setId("lab-sensor-replay");
        host.disableProperty().bind(sensor.busyProperty());
        cluster2.disableProperty().bind(sensor.busyProperty());
        replay2.disableProperty().bind(sensor.busyProperty().or(sensor.modeProperty().isEqualTo(SensorViewModel.Mode.REPLAY)));
        HBox figures = new HBox(24, mode, rate, drops, rules);
        figures.setAlignment(Pos.CENTER_LEFT);
        HBox sensorActions = new HBox(8, host, cluster2, replay2);
        VBox sensorCard = new VBox(8, figures, sensorState, sensorActions);
        sensorCard.setId("lab-sensor");
        sensorCard.getStyleClass().add("card-box");

        VBox content = new VBox(12, replayCard,
                Views.title(i18n, "lab.sensor.title"), sensorCard,
                Views.title(i18n, "lab.tools.title"), tools, driver,
                Views.title(i18n, "lab.cluster.title"), cluster, clusterActions, log, pods,
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
