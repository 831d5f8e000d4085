package dev.falconet.app.ui.scenarios;

import atlantafx.base.theme.Styles;
import dev.falconet.app.guide.Inline;
import dev.falconet.app.i18n.Msg;
import dev.falconet.app.rules.ExplainLine;
import dev.falconet.app.ui.rules.ExplainLineCell;
import dev.falconet.app.scenario.ConditionMarks;
import dev.falconet.app.scenario.FieldRow;
import dev.falconet.app.scenario.ScenarioStudy;
import dev.falconet.app.scenario.StudyProgress;
import dev.falconet.app.ui.Views;
import dev.falconet.app.ui.i18n.I18n;
import dev.falconet.app.ui.telegram.TelegramPane;
import dev.falconet.app.ui.telegram.TelegramViewModel;
import dev.falconet.engine.explain.ExplainNode;
import dev.falconet.scenario.Scenario;
import dev.falconet.scenario.Step;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * The Scenarios page: the catalogue on the left; on the right the chosen scenario's story, its steps with Run
 * buttons, a terminal with what the run did, and three panes side by side: the rule (YAML with the condition's
 * parts coloured by the explanation, or why it stayed silent), the alert's fields, and its Telegram delivery.
 */
public final class ScenariosPage extends BorderPane {
    private final I18n i18n;
    private final ScenariosViewModel vm;
    private final VBox story = new VBox(8);
    private final VBox steps = new VBox(6);
    private final TextFlow yaml = new TextFlow();
    private final ListView<ExplainLine> tree = new ListView<>();

    public ScenariosPage(I18n i18n, ScenariosViewModel vm, TelegramViewModel telegram) {
        this.i18n = i18n;
        this.vm = vm;
        getStyleClass().add("page");
        setId("scenarios-page");
        setTop(Views.title(i18n, "scenarios.title"));
        BorderPane.setMargin(getTop(), new Insets(0, 0, 10, 0));

        ListView<ScenariosViewModel.Item> catalogue = new ListView<>(vm.items());
        catalogue.setId("scenarios-catalogue");
        catalogue.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(ScenariosViewModel.Item it, boolean empty) {
                super.updateItem(it, empty);
                if (empty || it == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                String lang = i18n.localeProperty().get().getLanguage();
                setText(it.scenario().title().in(lang));
                setWrapText(true);
                setPrefWidth(0);
                Label mark = new Label(switch (it.state()) {
                    case PASSED -> "✓";
                    case FAILED -> "✗";
                    case NEW -> "○";
                });
                mark.getStyleClass().add("progress-" + it.state().name().toLowerCase(java.util.Locale.ROOT));
                setGraphic(mark);
            }
        });
        catalogue.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) vm.selectedProperty().set(b.scenario());
        });
        vm.selectedProperty().addListener((o, a, b) -> {
            if (b != null && (catalogue.getSelectionModel().getSelectedItem() == null
                    || catalogue.getSelectionModel().getSelectedItem().scenario() != b)) {
                vm.items().stream().filter(i -> i.scenario() == b).findFirst().ifPresent(i -> catalogue.getSelectionModel().select(i));
            }
            renderScenario();
        });
        vm.items().addListener((ListChangeListener<ScenariosViewModel.Item>) c -> catalogue.refresh());
        Label done = Views.bound(Bindings.createStringBinding(() -> i18n.get("scenarios.progress",
                vm.items().stream().filter(i -> i.state() == StudyProgress.State.PASSED).count(), vm.items().size()), vm.items(), i18n.messagesProperty()));
        done.setId("scenarios-progress");
        VBox left = new VBox(6, done, catalogue);
        VBox.setVgrow(catalogue, Priority.ALWAYS);
        left.setPrefWidth(210);
        left.setMinWidth(170);

        // the scenario: story, steps, terminal
        Button runAll = Views.button(i18n, "scenarios.runall", vm::runAll);
        runAll.setId("scenarios-runall");
        runAll.getStyleClass().add(Styles.ACCENT);
        runAll.disableProperty().bind(vm.runningProperty().or(vm.selectedProperty().isNull()));
        ListView<Msg> terminal = new ListView<>(vm.terminal());
        terminal.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Msg m, boolean empty) {
                super.updateItem(m, empty);
                setText(empty || m == null ? null : i18n.get(m));
            }
        });
        terminal.setId("scenarios-terminal");
        terminal.getStyleClass().addAll("terminal", "terminal-dark");
        terminal.setPrefHeight(130);
        terminal.setPlaceholder(Views.label(i18n, "scenarios.terminal.empty"));
        Label verdict = Views.bound(i18n.text(vm.verdictProperty()));
        verdict.setId("scenarios-verdict");
        verdict.setWrapText(true);
        verdict.getStyleClass().add(Styles.TEXT_BOLD);

        VBox main = new VBox(10, story, Views.title(i18n, "scenarios.steps"), steps, new HBox(8, runAll, verdict), terminal,
                threePanes(i18n, telegram));
        main.setPadding(new Insets(0, 12, 12, 4));
        ScrollPane scroll = new ScrollPane(main);
        scroll.setFitToWidth(true);

        SplitPane split = new SplitPane(left, scroll);
        split.setDividerPositions(0.17);
        SplitPane.setResizableWithParent(left, false);
        setCenter(split);

        i18n.messagesProperty().addListener((o, a, b) -> {
            catalogue.refresh();
            terminal.refresh();
            renderScenario();
            renderRule();
        });
        vm.ruleProperty().addListener((o, a, b) -> renderRule());
        vm.runningProperty().addListener((o, a, b) -> renderSteps());
        renderScenario();
    }

    public ScenariosViewModel viewModel() {
        return vm;
    }

    private HBox threePanes(I18n i18n, TelegramViewModel telegram) {
        // 1. the rule
        ComboBox<ScenarioStudy.RuleView> rules = new ComboBox<>();
        rules.setId("scenarios-rule-choice");
        rules.setMaxWidth(Double.MAX_VALUE);
        Views.localize(rules, i18n, r -> r == null ? "" : (r.fired() ? "✓ " : "✗ ") + r.rule());
        vm.studyProperty().addListener((o, a, b) -> rules.getItems().setAll(b == null ? List.of() : b.rules()));
        rules.valueProperty().bindBidirectional(vm.ruleProperty());
        Label ruleName = Views.bound(Bindings.createStringBinding(() -> vm.ruleProperty().get() == null ? i18n.get("scenarios.rule.none")
                : vm.ruleProperty().get().rule(), vm.ruleProperty(), i18n.messagesProperty()));
        ruleName.setId("scenarios-rule-name");
        ruleName.getStyleClass().add(Styles.TITLE_4);
        ruleName.setWrapText(true);
        HBox badge = new HBox();
        badge.setId("scenarios-rule-badge");
        vm.alertProperty().addListener((o, a, b) -> badge.getChildren().setAll(b == null ? List.of() : List.of(Views.badge(b.alert().priority()))));
        Label ruleState = Views.bound(Bindings.createStringBinding(() -> {
            ScenarioStudy.RuleView r = vm.ruleProperty().get();
            if (r == null) return "";
            if (r.fired()) return i18n.get("scenarios.rule.fired", r.eventNum());
            return r.note() == null ? i18n.get("scenarios.rule.whynot", r.eventNum()) : i18n.get("scenarios.rule.silent", i18n.get(r.note()));
        }, vm.ruleProperty(), i18n.messagesProperty()));
        ruleState.setId("scenarios-rule-state");
        ruleState.setWrapText(true);
        yaml.setId("scenarios-rule-yaml");
        yaml.getStyleClass().add("rule-yaml");
        ScrollPane yamlScroll = new ScrollPane(yaml); // no wrapping: the YAML keeps its lines
        yaml.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        yamlScroll.setPrefHeight(200);
        tree.setId("scenarios-explain");
        tree.setPrefHeight(160);
        tree.setCellFactory(l -> new ExplainLineCell(x -> {
            String mark = switch (x.outcome()) {
                case TRUE -> "✓";
                case FALSE -> "✗";
                case NOT_EVALUATED -> "·";
            };
            return "  ".repeat(x.depth()) + mark + " " + x.text() + (x.reads().isEmpty() ? "" : "   [" + String.join(", ", x.reads()) + "]");
        }));
        VBox rulePane = new VBox(6, Views.title(i18n, "scenarios.rule.title"), rules, new HBox(8, ruleName, badge), ruleState, yamlScroll, tree);
        rulePane.setId("scenarios-rule");

        // 2. the fields
        TableView<FieldRow> fields = new TableView<>(vm.fields());
        fields.setId("scenarios-fields");
        TableColumn<FieldRow, String> fname = Views.column(i18n, "scenarios.fields.col.field", FieldRow::field);
        TableColumn<FieldRow, String> fvalue = Views.column(i18n, "scenarios.fields.col.value",
                f -> f.missing() ? f.value() + " (" + i18n.get(f.reason()) + ")" : f.value());
        fname.setPrefWidth(115);
        fields.getColumns().addAll(List.of(fname, fvalue));
        fields.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        fields.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(FieldRow f, boolean empty) {
                super.updateItem(f, empty);
                getStyleClass().remove("field-missing");
                if (!empty && f != null && f.missing()) getStyleClass().add("field-missing");
            }
        });
        fields.setPlaceholder(Views.label(i18n, "scenarios.fields.none"));
        VBox fieldsPane = new VBox(6, Views.title(i18n, "scenarios.fields.title"), fields);
        VBox.setVgrow(fields, Priority.ALWAYS);

        // 3. Telegram
        TelegramPane tg = new TelegramPane(i18n, telegram);
        tg.setId("scenarios-telegram");
        vm.alertProperty().addListener((o, a, b) -> tg.alertProperty().set(b == null ? null : b.alert()));

        HBox panes = new HBox(12, rulePane, fieldsPane, tg);
        for (Node n : List.of(rulePane, fieldsPane, tg)) {
            HBox.setHgrow(n, Priority.ALWAYS);
            ((VBox) n).setPrefWidth(330);
            ((VBox) n).setMinWidth(250);
            n.getStyleClass().add("card-box");
        }
        panes.setMinHeight(520);
        return panes;
    }

    private void renderScenario() {
        Scenario s = vm.selectedProperty().get();
        story.getChildren().clear();
        if (s == null) {
            story.getChildren().add(Views.label(i18n, "scenarios.none"));
            renderSteps();
            return;
        }
        String lang = i18n.localeProperty().get().getLanguage();
        Label title = new Label(s.title().in(lang));
        title.setId("scenarios-scenario-title");
        title.getStyleClass().add(Styles.TITLE_2);
        title.setWrapText(true);
        story.getChildren().addAll(title, flow(s.story().in(lang).strip()));
        List<String> objectives = s.objectives().in(lang);
        if (!objectives.isEmpty()) {
            story.getChildren().add(Views.title(i18n, "scenarios.objectives"));
            for (String ob : objectives) {
                TextFlow f = flow(ob);
                f.getChildren().addFirst(new Text("•  "));
                story.getChildren().add(f);
            }
        }
        renderSteps();
    }

    private void renderSteps() {
        steps.getChildren().clear();
        Scenario s = vm.selectedProperty().get();
        if (s == null) return;
        String lang = i18n.localeProperty().get().getLanguage();
        for (Step step : s.steps()) {
            Label t = new Label(step.title().in(lang));
            t.setWrapText(true);
            Label cmd = new Label("$ " + ScenariosViewModel.command(step));
            cmd.getStyleClass().add("step-command");
            cmd.setWrapText(true);
            Button run = Views.button(i18n, "scenarios.run", () -> vm.runStep(step));
            run.setId("scenarios-run-" + step.id());
            run.setDisable(vm.runningProperty().get());
            VBox text = new VBox(2, t, cmd);
            HBox.setHgrow(text, Priority.ALWAYS);
            HBox row = new HBox(10, run, text);
            row.setAlignment(Pos.CENTER_LEFT);
            steps.getChildren().add(row);
        }
    }

    private void renderRule() {
        ScenarioStudy.RuleView r = vm.ruleProperty().get();
        yaml.getChildren().clear();
        tree.getItems().clear();
        if (r == null) return;
        String text = r.yaml().isEmpty() ? i18n.get("scenarios.rule.nosource") : r.yaml();
        int at = 0;
        for (ConditionMarks.Mark m : ConditionMarks.of(text, r.lines())) {
            if (m.start() > at) yaml.getChildren().add(code(text.substring(at, m.start()), null));
            String style = switch (m.outcome()) {
                case TRUE -> "cond-true";
                case FALSE -> "cond-false";
                case NOT_EVALUATED -> "cond-skipped";
            };
            Text t = code(text.substring(m.start(), m.end()), style);
            if (m.decisive()) t.getStyleClass().add("cond-decisive");
            yaml.getChildren().add(t);
            at = m.end();
        }
        if (at < text.length()) yaml.getChildren().add(code(text.substring(at), null));
        tree.getItems().setAll(r.lines());
    }

    private static Text code(String s, String style) {
        Text t = new Text(s);
        t.getStyleClass().add("rule-yaml-text");
        if (style != null) t.getStyleClass().add(style);
        return t;
    }

    private static TextFlow flow(String text) {
        TextFlow f = new TextFlow();
        for (Inline.Span span : Inline.parse(text.replace('\n', ' '))) {
            Text t = new Text(span.text());
            t.getStyleClass().add("guide-text");
            if (span.style() == Inline.Style.CODE) t.getStyleClass().add("guide-inline-code");
            if (span.style() == Inline.Style.BOLD) t.getStyleClass().add("guide-bold");
            if (span.style() == Inline.Style.ITALIC) t.getStyleClass().add("guide-italic");
            f.getChildren().add(t);
        }
        return f;
    }
}
