package dev.falconet.app.ui.rules;

import atlantafx.base.theme.Styles;
import dev.falconet.app.replay.ReplaySource;
import dev.falconet.app.rules.CaptureTest;
import dev.falconet.app.rules.Completions;
import dev.falconet.app.rules.EditorDiagnostic;
import dev.falconet.app.rules.ExplainLine;
import dev.falconet.app.rules.RulesHighlighter;
import dev.falconet.app.ui.Views;
import dev.falconet.app.ui.i18n.I18n;
import dev.falconet.engine.explain.ExplainNode;
import java.io.File;
import java.time.Duration;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Popup;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.fxmisc.richtext.event.MouseOverTextEvent;

/**
 * The Rules page: a rules editor with YAML and condition highlighting, diagnostics underlined as you
 * type (message on hover), completion (Ctrl+Space), Validate, and Test against a capture with explain.
 */
public final class RulesPage extends BorderPane {
    private final RulesViewModel vm;
    private final I18n i18n;
    private final CodeArea area = new CodeArea();
    private final Popup hover = new Popup();
    private final Label hoverText = new Label();

    public RulesPage(I18n i18n, RulesViewModel vm) {
        this.vm = vm;
        this.i18n = i18n;
        getStyleClass().add("page");
        setId("rules-page");

        Button open = Views.button(i18n, "rules.open", this::openFile);
        Button demo = Views.button(i18n, "rules.openproject", vm::openDemoRules);
        Button save = Views.button(i18n, "rules.save", this::save);
        Button validate = Views.button(i18n, "rules.validate", vm::validate);
        validate.setId("rules-validate");
        validate.getStyleClass().add(Styles.ACCENT);
        Label summary = Views.bound(i18n.text(vm.summaryProperty()));
        summary.setId("rules-summary");
        Label file = Views.bound(javafx.beans.binding.Bindings.createStringBinding(
                () -> vm.fileProperty().get() == null ? i18n.get("rules.file.project") : vm.fileProperty().get().toString(),
                vm.fileProperty(), i18n.messagesProperty()));
        file.getStyleClass().add(Styles.TEXT_MUTED);
        Button apply = Views.button(i18n, "rules.apply", vm::applyToSensor);
        apply.setId("rules-apply");
        apply.disableProperty().bind(vm.applyEnabledProperty().not());
        apply.setTooltip(Views.tooltip(i18n, "rules.apply.tip"));
        HBox header = new HBox(8, Views.title(i18n, "rules.title"), file, Views.grow(), open, demo, save, validate, apply);
        header.setAlignment(Pos.CENTER_LEFT);
        setTop(header);
        BorderPane.setMargin(header, new Insets(0, 0, 10, 0));

        setCenter(body());
        Label applied = Views.bound(i18n.text(vm.applyMessageProperty()));
        applied.setId("rules-apply-result");
        applied.getStyleClass().add(Styles.TEXT_MUTED);
        VBox bottom = new VBox(4, summary, applied);
        setBottom(bottom);
        BorderPane.setMargin(bottom, new Insets(8, 0, 0, 0));
    }

    public RulesViewModel viewModel() {
        return vm;
    }

    /** The editor control (tests type into it). */
    public CodeArea editor() {
        return area;
    }

    private SplitPane body() {
        area.setId("rules-editor");
        area.getStyleClass().add("rules-editor");
        area.setParagraphGraphicFactory(LineNumberFactory.get(area));
        area.replaceText(vm.textProperty().get());
        area.textProperty().addListener((o, a, b) -> {
            if (!b.equals(vm.textProperty().get())) vm.textProperty().set(b);
            restyle();
        });
        vm.textProperty().addListener((o, a, b) -> {
            if (!b.equals(area.getText())) area.replaceText(b);
        });
        vm.diagnostics().addListener((ListChangeListener<EditorDiagnostic>) c -> restyle());
        hoverText.getStyleClass().add("diag-popup");
        hoverText.setWrapText(true);
        hoverText.setMaxWidth(520);
        hover.getContent().add(hoverText);
        area.setMouseOverTextDelay(Duration.ofMillis(300));
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_BEGIN, e -> vm.diagnosticAt(e.getCharacterIndex()).ifPresent(d -> {
            hoverText.setText(d.diagnostic().severity().lower() + " " + d.diagnostic().code() + ": " + d.diagnostic().message());
            hover.show(area, e.getScreenPosition().getX(), e.getScreenPosition().getY() + 12);
        }));
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_END, e -> hover.hide());
        area.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.SPACE && e.isControlDown()) {
                showCompletions();
                e.consume();
            }
        });
        restyle();

        ListView<EditorDiagnostic> problems = new ListView<>(vm.diagnostics());
        problems.setId("rules-problems");
        problems.setPlaceholder(Views.label(i18n, "rules.problems.none"));
        problems.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(EditorDiagnostic d, boolean empty) {
                super.updateItem(d, empty);
                getStyleClass().removeAll("problem-error", "problem-warning");
                if (empty || d == null) {
                    setText(null);
                    return;
                }
                var g = d.diagnostic();
                String where = g.line() > 0 ? g.line() + ":" + g.column() + "  " : "";
                setText(where + g.severity().lower() + " " + g.code() + ": " + (g.item().isEmpty() ? "" : g.item() + ": ") + g.message());
                getStyleClass().add(d.isError() ? "problem-error" : "problem-warning");
                setWrapText(true);
                setPrefWidth(0); // wrap to the list's width instead of widening it
            }
        });
        problems.getSelectionModel().selectedItemProperty().addListener((o, a, d) -> {
            if (d != null && d.placed()) {
                area.selectRange(d.start(), d.end());
                area.requestFollowCaret();
            }
        });
        problems.setPrefHeight(140);
        VBox editorBox = new VBox(6, new VirtualizedScrollPane<>(area), Views.label(i18n, "rules.problems"), problems);
        VBox.setVgrow(editorBox.getChildren().getFirst(), javafx.scene.layout.Priority.ALWAYS);

        SplitPane split = new SplitPane(editorBox, testPane());
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.58);
        return split;
    }

    private VBox testPane() {
        ComboBox<ReplaySource> capture = new ComboBox<>(vm.captures());
        capture.setId("rules-capture");
        capture.valueProperty().bindBidirectional(vm.captureProperty());
        Views.localize(capture, i18n, s -> s == null ? "" : s.name());
        capture.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(capture, javafx.scene.layout.Priority.ALWAYS);
        Button add = Views.button(i18n, "rules.test.add", this::addCapture);
        Button test = Views.button(i18n, "rules.test.run", vm::test);
        test.setId("rules-test");
        test.getStyleClass().add(Styles.ACCENT);
        add.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        test.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox captureRow = new HBox(8, capture, add, test);
        captureRow.setAlignment(Pos.CENTER_LEFT);

        TableView<CaptureTest.EventRow> events = new TableView<>(vm.events());
        events.setId("rules-events");
        TableColumn<CaptureTest.EventRow, String> num = Views.column(i18n, "rules.test.col.num", r -> Long.toString(r.num()));
        num.setPrefWidth(50);
        TableColumn<CaptureTest.EventRow, String> type = Views.column(i18n, "rules.test.col.type", CaptureTest.EventRow::type);
        TableColumn<CaptureTest.EventRow, String> proc = Views.column(i18n, "rules.test.col.process", CaptureTest.EventRow::process);
        TableColumn<CaptureTest.EventRow, String> rule = Views.column(i18n, "rules.test.col.rule",
                r -> r.matched() ? r.matchedRule() : "—");
        rule.setPrefWidth(220);
        events.getColumns().addAll(List.of(num, type, proc, rule));
        events.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        events.setPlaceholder(Views.label(i18n, "rules.test.none"));

        ComboBox<String> explainRule = new ComboBox<>(vm.ruleNames());
        explainRule.setId("rules-explain-rule");
        explainRule.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(explainRule, javafx.scene.layout.Priority.ALWAYS);
        explainRule.promptTextProperty().bind(i18n.text("rules.explain.pick"));
        events.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            if (r != null && r.matched()) explainRule.setValue(r.matchedRule());
        });
        Button explain = Views.button(i18n, "rules.explain", () ->
                vm.explain(events.getSelectionModel().getSelectedItem(), explainRule.getValue()));
        explain.setId("rules-explain");
        explain.disableProperty().bind(events.getSelectionModel().selectedItemProperty().isNull()
                .or(explainRule.valueProperty().isNull()));
        explain.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox explainRow = new HBox(8, explainRule, explain);
        explainRow.setAlignment(Pos.CENTER_LEFT);

        ListView<ExplainLine> tree = new ListView<>(vm.explanation());
        tree.setId("rules-explanation");
        tree.setPlaceholder(Views.label(i18n, "rules.explain.none"));
        tree.setCellFactory(l -> new ExplainLineCell(x -> {
            String mark = switch (x.outcome()) {
                case TRUE -> "✔ ";
                case FALSE -> "✘ ";
                case NOT_EVALUATED -> "· ";
            };
            String reads = x.reads().isEmpty() ? "" : "    [" + String.join(", ", x.reads()) + "]";
            String kind = x.kind() == ExplainNode.Kind.CHECK ? "" : x.kind().name().toLowerCase() + " ";
            return "  ".repeat(x.depth()) + mark + kind + x.text() + reads;
        }));
        Label message = Views.bound(i18n.text(vm.testMessageProperty()));
        message.setId("rules-test-message");
        message.setWrapText(true);
        message.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);

        SplitPane lists = new SplitPane(events, tree);
        lists.setOrientation(Orientation.VERTICAL);
        lists.setDividerPositions(0.5);
        VBox box = new VBox(8, Views.label(i18n, "rules.test.title"), captureRow, message, lists, explainRow);
        VBox.setVgrow(lists, javafx.scene.layout.Priority.ALWAYS);
        box.setPadding(new Insets(0, 0, 0, 8));
        return box;
    }

    private void restyle() {
        String t = area.getText();
        area.setStyleSpans(0, RulesStyling.spans(t.length(), RulesHighlighter.spans(t), List.copyOf(vm.diagnostics())));
    }

    private void showCompletions() {
        List<Completions.Suggestion> s = vm.complete(area.getCaretPosition());
        if (s.isEmpty()) return;
        ContextMenu menu = new ContextMenu();
        menu.setId("rules-completions");
        for (Completions.Suggestion x : s) {
            Label l = new Label(x.text() + "   " + x.kind());
            CustomMenuItem item = new CustomMenuItem(l, true);
            item.setOnAction(e -> {
                int caret = area.getCaretPosition();
                String word = Completions.wordBefore(area.getText(), caret);
                area.replaceText(caret - word.length(), caret, x.text());
            });
            menu.getItems().add(item);
        }
        area.getCaretBounds().ifPresent(b -> menu.show(area, b.getMinX(), b.getMaxY()));
    }

    private void openFile() {
        FileChooser fc = new FileChooser();
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(i18n.get("rules.filter.rulesfiles"), "*.yaml", "*.yml"));
        File f = fc.showOpenDialog(getScene().getWindow());
        if (f != null) vm.open(f.toPath());
    }

    private void save() {
        if (vm.save()) return;
        FileChooser fc = new FileChooser();
        fc.setInitialFileName("rules.yaml");
        File f = fc.showSaveDialog(getScene().getWindow());
        if (f != null) vm.saveAs(f.toPath());
    }

    private void addCapture() {
        FileChooser fc = new FileChooser();
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(i18n.get("rules.filter.capture"), "*.jsonl"));
        File f = fc.showOpenDialog(getScene().getWindow());
        if (f != null) vm.addCapture(f.toPath());
    }
}
