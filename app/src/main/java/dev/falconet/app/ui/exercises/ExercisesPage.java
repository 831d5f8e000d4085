package dev.falconet.app.ui.exercises;

import atlantafx.base.theme.Styles;
import dev.falconet.app.guide.Inline;
import dev.falconet.app.rules.RulesHighlighter;
import dev.falconet.app.scenario.StudyProgress;
import dev.falconet.app.ui.Views;
import dev.falconet.app.ui.i18n.I18n;
import dev.falconet.app.ui.rules.RulesStyling;
import dev.falconet.exercise.Exercise;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;

/**
 * The Exercises page: the list on the left; the task, hints, a rules editor (highlighted like the Rules page)
 * and Check with one line per case on the right.
 */
public final class ExercisesPage extends BorderPane {
    private final I18n i18n;
    private final ExercisesViewModel vm;
    private final VBox task = new VBox(8);
    private final VBox hints = new VBox(4);
    private final CodeArea editor = new CodeArea();
    private boolean syncing;

    public ExercisesPage(I18n i18n, ExercisesViewModel vm) {
        this.i18n = i18n;
        this.vm = vm;
        getStyleClass().add("page");
        setId("exercises-page");
        setTop(Views.title(i18n, "exercises.title"));
        BorderPane.setMargin(getTop(), new Insets(0, 0, 10, 0));
        vm.language(i18n.localeProperty().get().getLanguage());

        ListView<ExercisesViewModel.Item> list = new ListView<>(vm.items());
        list.setId("exercises-list");
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(ExercisesViewModel.Item it, boolean empty) {
                super.updateItem(it, empty);
                if (empty || it == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setText(i18n.get("exercises.level", it.exercise().level()) + "  " + it.exercise().title().in(lang()));
                setWrapText(true);
                setPrefWidth(0);
                Label mark = new Label(switch (it.state()) {
                    case PASSED -> "✓";
                    case FAILED -> "✗";
                    case NEW -> "○";
                });
                mark.getStyleClass().add("progress-" + it.state().name().toLowerCase(Locale.ROOT));
                setGraphic(mark);
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) vm.selectedProperty().set(b.exercise());
        });
        vm.selectedProperty().addListener((o, a, b) -> {
            if (b != null && (list.getSelectionModel().getSelectedItem() == null || list.getSelectionModel().getSelectedItem().exercise() != b)) {
                vm.items().stream().filter(i -> i.exercise() == b).findFirst().ifPresent(i -> list.getSelectionModel().select(i));
            }
            render();
        });
        vm.items().addListener((ListChangeListener<ExercisesViewModel.Item>) c -> list.refresh());
        Label done = Views.bound(Bindings.createStringBinding(() -> i18n.get("exercises.progress",
                vm.items().stream().filter(i -> i.state() == StudyProgress.State.PASSED).count(), vm.items().size()), vm.items(), i18n.messagesProperty()));
        done.setId("exercises-progress");
        VBox left = new VBox(6, done, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        left.setMinWidth(200);

        editor.setId("exercises-editor");
        editor.getStyleClass().add("rules-editor");
        editor.setParagraphGraphicFactory(LineNumberFactory.get(editor));
        editor.textProperty().addListener((o, a, b) -> {
            highlight();
            if (!syncing) vm.textProperty().set(b);
        });
        vm.textProperty().addListener((o, a, b) -> {
            if (b.equals(editor.getText())) return;
            syncing = true;
            editor.replaceText(b);
            syncing = false;
        });
        VirtualizedScrollPane<CodeArea> editorScroll = new VirtualizedScrollPane<>(editor);
        editorScroll.setPrefHeight(300);
        VBox.setVgrow(editorScroll, Priority.ALWAYS);

        Button check = Views.button(i18n, "exercises.check", vm::check);
        check.setId("exercises-check");
        check.getStyleClass().add(Styles.ACCENT);
        check.disableProperty().bind(vm.checkingProperty().or(vm.selectedProperty().isNull()));
        Button reset = Views.button(i18n, "exercises.reset", vm::reset);
        reset.setId("exercises-reset");
        Button hint = Views.button(i18n, "exercises.hint", vm::nextHint);
        hint.setId("exercises-hint");
        Label verdict = Views.bound(i18n.text(vm.verdictProperty()));
        verdict.setId("exercises-verdict");
        verdict.setWrapText(true);
        verdict.getStyleClass().add(Styles.TEXT_BOLD);
        HBox actions = new HBox(8, check, reset, hint, verdict);
        actions.setAlignment(Pos.CENTER_LEFT);

        ListView<ExercisesViewModel.ResultLine> results = new ListView<>(vm.results());
        results.setId("exercises-results");
        results.setPrefHeight(170);
        results.setPlaceholder(Views.label(i18n, "exercises.results.none"));
        results.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(ExercisesViewModel.ResultLine r, boolean empty) {
                super.updateItem(r, empty);
                getStyleClass().removeAll("explain-true", "explain-false");
                if (empty || r == null) {
                    setText(null);
                    return;
                }
                StringBuilder sb = new StringBuilder(r.passed() ? "✓ " : "✗ ").append(r.title());
                for (String d : r.details()) sb.append("\n     ").append(d);
                setText(sb.toString());
                setWrapText(true);
                setPrefWidth(0);
                getStyleClass().add(r.passed() ? "explain-true" : "explain-false");
            }
        });

        VBox right = new VBox(10, task, hints, editorScroll, actions, results);
        right.setPadding(new Insets(0, 4, 4, 8));
        SplitPane split = new SplitPane(left, right);
        split.setDividerPositions(0.22);
        SplitPane.setResizableWithParent(left, false);
        setCenter(split);

        vm.hintsShownProperty().addListener((o, a, b) -> renderHints());
        i18n.messagesProperty().addListener((o, a, b) -> {
            vm.language(lang());
            list.refresh();
            render();
        });
        render();
    }

    public ExercisesViewModel viewModel() {
        return vm;
    }

    public CodeArea editor() {
        return editor;
    }

    private String lang() {
        return i18n.localeProperty().get().getLanguage();
    }

    private void highlight() {
        String t = editor.getText();
        if (t.isEmpty()) return;
        editor.setStyleSpans(0, RulesStyling.spans(t.length(), RulesHighlighter.spans(t), List.of()));
    }

    private void render() {
        task.getChildren().clear();
        Exercise e = vm.selectedProperty().get();
        if (e == null) {
            task.getChildren().add(Views.label(i18n, "exercises.none"));
            renderHints();
            return;
        }
        Label title = new Label(e.title().in(lang()));
        title.setId("exercises-exercise-title");
        title.getStyleClass().add(Styles.TITLE_3);
        title.setWrapText(true);
        task.getChildren().addAll(title, flow(e.task().in(lang()).strip()));
        renderHints();
    }

    private void renderHints() {
        hints.getChildren().clear();
        Exercise e = vm.selectedProperty().get();
        if (e == null) return;
        for (int i = 0; i < Math.min(vm.hintsShownProperty().get(), e.hints().size()); i++) {
            TextFlow f = flow(e.hints().get(i).in(lang()));
            Text label = new Text(i18n.get("exercises.hint.n", i + 1) + " ");
            label.getStyleClass().addAll("guide-text", "guide-bold");
            f.getChildren().addFirst(label);
            f.getStyleClass().add("exercise-hint");
            hints.getChildren().add(f);
        }
    }

    private static TextFlow flow(String text) {
        TextFlow f = new TextFlow();
        for (String para : text.split("\n\s*\n")) {
            if (!f.getChildren().isEmpty()) f.getChildren().add(new Text("\n\n"));
            for (Inline.Span span : Inline.parse(para.replace('\n', ' '))) {
                Text t = new Text(span.text());
                t.getStyleClass().add("guide-text");
                if (span.style() == Inline.Style.CODE) t.getStyleClass().add("guide-inline-code");
                if (span.style() == Inline.Style.BOLD) t.getStyleClass().add("guide-bold");
                if (span.style() == Inline.Style.ITALIC) t.getStyleClass().add("guide-italic");
                f.getChildren().add(t);
            }
        }
        return f;
    }
}
