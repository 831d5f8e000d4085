package dev.falconet.app.ui.guide;

import atlantafx.base.theme.Styles;
import dev.falconet.app.guide.GuideDocument;
import dev.falconet.app.guide.Inline;
import dev.falconet.app.ui.Views;
import dev.falconet.app.ui.i18n.I18n;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * The Guide page: the lab's background for students. The sections are listed on the left; the one chosen
 * is rendered on the right (text from the guide's resource files, diagrams drawn by {@link Diagrams}).
 * Switching the language re-renders it at the same section.
 */
public final class GuidePage extends BorderPane {
    private final I18n i18n;
    private final GuideViewModel vm;
    private final ListView<GuideDocument.Section> toc = new ListView<>();
    private final VBox body = new VBox(10);
    private final ScrollPane scroll = new ScrollPane(body);

    public GuidePage(I18n i18n, GuideViewModel vm) {
        this.i18n = i18n;
        this.vm = vm;
        getStyleClass().add("page");
        setId("guide-page");
        setTop(Views.title(i18n, "guide.title"));
        BorderPane.setMargin(getTop(), new Insets(0, 0, 10, 0));

        toc.setId("guide-toc");
        toc.setPrefWidth(260);
        toc.setMinWidth(260);
        toc.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(GuideDocument.Section s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : s.title());
                setWrapText(true);
                setPrefWidth(0); // wrap to the list's width instead of scrolling sideways
            }
        });
        toc.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) vm.sectionProperty().set(b.id());
        });
        setLeft(toc);
        BorderPane.setMargin(toc, new Insets(0, 12, 0, 0));

        body.setId("guide-body");
        body.setPadding(new Insets(4, 16, 16, 4));
        body.getStyleClass().add("guide-body");
        scroll.setFitToWidth(true);
        setCenter(scroll);

        i18n.localeProperty().addListener((o, a, b) -> vm.language(b));
        vm.documentProperty().addListener((o, a, b) -> showDocument());
        vm.sectionProperty().addListener((o, a, b) -> render());
        showDocument();
    }

    public GuideViewModel viewModel() {
        return vm;
    }

    private void showDocument() {
        GuideDocument d = vm.documentProperty().get();
        toc.getItems().setAll(d.sections());
        render();
    }

    private void render() {
        GuideDocument.Section s = vm.current();
        if (s == null) return;
        if (toc.getSelectionModel().getSelectedItem() != s) toc.getSelectionModel().select(s);
        body.getChildren().clear();
        Label title = new Label(s.title());
        title.setId("guide-section-title");
        title.getStyleClass().add(Styles.TITLE_2);
        title.setWrapText(true);
        body.getChildren().add(title);
        for (GuideDocument.Block b : s.blocks()) body.getChildren().add(block(b));
        scroll.setVvalue(0);
    }

    private Node block(GuideDocument.Block b) {
        return switch (b) {
            case GuideDocument.Heading h -> {
                Label l = new Label(h.text());
                l.getStyleClass().add(Styles.TITLE_4);
                l.setPadding(new Insets(8, 0, 0, 0));
                yield l;
            }
            case GuideDocument.Paragraph p -> flow(p.text());
            case GuideDocument.Bullets list -> {
                VBox v = new VBox(6);
                for (String item : list.items()) {
                    TextFlow f = flow(item);
                    Text dot = new Text("•  ");
                    dot.getStyleClass().add("guide-text");
                    f.getChildren().addFirst(dot);
                    f.setPadding(new Insets(0, 0, 0, 10));
                    v.getChildren().add(f);
                }
                yield v;
            }
            case GuideDocument.Code c -> {
                Label l = new Label(c.text());
                l.getStyleClass().add("guide-code");
                l.setMaxWidth(Double.MAX_VALUE);
                l.setWrapText(true); // a narrow window wraps a long line rather than hiding its end
                yield l;
            }
            case GuideDocument.Diagram d -> {
                HBox box = new HBox(Diagrams.build(d.name(), i18n));
                box.getStyleClass().add("guide-diagram");
                yield box;
            }
        };
    }

    private static TextFlow flow(String text) {
        TextFlow f = new TextFlow();
        for (Inline.Span span : Inline.parse(text)) {
            Text t = new Text(span.text());
            t.getStyleClass().add("guide-text");
            if (span.style() == Inline.Style.CODE) t.getStyleClass().add("guide-inline-code");
            if (span.style() == Inline.Style.BOLD) t.getStyleClass().add("guide-bold");
            if (span.style() == Inline.Style.ITALIC) t.getStyleClass().add("guide-italic");
            f.getChildren().add(t);
        }
        f.setLineSpacing(2);
        return f;
    }
}
