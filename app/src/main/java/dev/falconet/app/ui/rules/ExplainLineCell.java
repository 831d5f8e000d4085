package dev.falconet.app.ui.rules;

import dev.falconet.app.rules.ExplainLine;
import java.util.function.Function;
import javafx.scene.control.ListCell;

/**
 * One line of an explain tree in a list: the text its page formats, coloured by outcome (true, false, not
 * evaluated) and marked when it decided the result. Shared by the Rules and Scenarios pages.
 */
public final class ExplainLineCell extends ListCell<ExplainLine> {
    private final Function<ExplainLine, String> text;

    public ExplainLineCell(Function<ExplainLine, String> text) {
        this.text = text;
    }

    @Override
    protected void updateItem(ExplainLine x, boolean empty) {
        super.updateItem(x, empty);
        getStyleClass().removeAll("explain-true", "explain-false", "explain-skipped", "explain-decisive");
        if (empty || x == null) {
            setText(null);
            return;
        }
        setText(text.apply(x));
        getStyleClass().add(switch (x.outcome()) {
            case TRUE -> "explain-true";
            case FALSE -> "explain-false";
            case NOT_EVALUATED -> "explain-skipped";
        });
        if (x.decisive()) getStyleClass().add("explain-decisive");
    }
}
