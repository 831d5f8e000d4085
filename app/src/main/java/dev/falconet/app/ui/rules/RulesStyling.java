package dev.falconet.app.ui.rules;

import dev.falconet.app.rules.EditorDiagnostic;
import dev.falconet.app.rules.HighlightSpan;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/** Turns highlighting and diagnostics into RichTextFX style spans (diagnostics overlay the highlighting). */
public final class RulesStyling {
    static final String ERROR = "diag-error";
    static final String WARNING = "diag-warning";

    private RulesStyling() {}

    public static StyleSpans<Collection<String>> spans(int length, List<HighlightSpan> highlight, List<EditorDiagnostic> diags) {
        TreeSet<Integer> cuts = new TreeSet<>();
        cuts.add(0);
        cuts.add(length);
        for (HighlightSpan h : highlight) {
            cuts.add(clamp(h.start(), length));
            cuts.add(clamp(h.end(), length));
        }
        List<EditorDiagnostic> placed = diags.stream().filter(EditorDiagnostic::placed).toList();
        for (EditorDiagnostic d : placed) {
            cuts.add(clamp(d.start(), length));
            cuts.add(clamp(d.end(), length));
        }
        StyleSpansBuilder<Collection<String>> b = new StyleSpansBuilder<>();
        Integer prev = null;
        int h = 0;
        for (int cut : cuts) {
            if (prev != null && cut > prev) {
                int at = prev;
                List<String> styles = new ArrayList<>(2);
                while (h < highlight.size() && highlight.get(h).end() <= at) h++;
                if (h < highlight.size() && highlight.get(h).start() <= at) styles.add(highlight.get(h).style());
                boolean error = false;
                boolean warning = false;
                for (EditorDiagnostic d : placed) {
                    if (d.start() <= at && at < d.end()) {
                        if (d.isError()) error = true;
                        else warning = true;
                    }
                }
                if (error) styles.add(ERROR);
                else if (warning) styles.add(WARNING);
                b.add(styles, cut - at);
            }
            prev = cut;
        }
        if (length == 0) b.add(List.of(), 0);
        return b.create();
    }

    private static int clamp(int v, int length) {
        return Math.max(0, Math.min(v, length));
    }
}
