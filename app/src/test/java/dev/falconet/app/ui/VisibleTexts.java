package dev.falconet.app.ui;

import dev.falconet.app.i18n.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;

/** The texts a user sees in a scene graph, and which of them are still English after switching language. */
final class VisibleTexts {
    private VisibleTexts() {}

    /** Texts under {@code root} that are an English bundle text whose Russian text differs. */
    static List<String> english(Node root) {
        ResourceBundle en = ResourceBundle.getBundle(Messages.BUNDLE, Locale.ROOT);
        ResourceBundle ru = ResourceBundle.getBundle(Messages.BUNDLE, Locale.forLanguageTag("ru"));
        List<String> englishOnly = new ArrayList<>();
        for (String k : en.keySet()) {
            String v = en.getString(k);
            if (!v.equals(ru.getString(k))) englishOnly.add(v);
        }
        List<String> found = new ArrayList<>();
        for (String t : all(root)) {
            for (String v : englishOnly) {
                int brace = v.indexOf('{');
                boolean hit = brace < 0 ? t.equals(v) : brace >= 6 && t.startsWith(v.substring(0, brace));
                if (hit) found.add(t);
            }
        }
        return found;
    }

    static List<String> all(Node root) {
        List<String> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node n, List<String> out) {
        if (!n.isVisible()) return;
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isBlank()) out.add(l.getText());
        if (n instanceof TextInputControl t && t.getPromptText() != null && !t.getPromptText().isBlank()) out.add(t.getPromptText());
        if (n instanceof TableView<?> tv) {
            for (TableColumnBase<?, ?> c : tv.getColumns()) if (c.getText() != null) out.add(c.getText());
        }
        if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) collect(c, out);
    }
}
