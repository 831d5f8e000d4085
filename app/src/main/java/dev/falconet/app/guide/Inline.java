package dev.falconet.app.guide;

import java.util.ArrayList;
import java.util.List;

/** Inline markup of the guide's texts: {@code `code`}, {@code **bold**} and {@code *italic*} spans in plain text. */
public final class Inline {
    private Inline() {}

    /** How a span is shown. */
    public enum Style { PLAIN, CODE, BOLD, ITALIC }

    public record Span(String text, Style style) {}

    /** The spans of {@code text}; an unclosed marker is kept as plain text. */
    public static List<Span> parse(String text) {
        List<Span> out = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '`') {
                int end = text.indexOf('`', i + 1);
                if (end > i) {
                    add(out, plain);
                    out.add(new Span(text.substring(i + 1, end), Style.CODE));
                    i = end + 1;
                    continue;
                }
            } else if (c == '*' && text.startsWith("**", i)) {
                int end = text.indexOf("**", i + 2);
                if (end > i + 2) {
                    add(out, plain);
                    out.add(new Span(text.substring(i + 2, end), Style.BOLD));
                    i = end + 2;
                    continue;
                }
            } else if (c == '*' && i + 1 < text.length() && text.charAt(i + 1) != ' ') {
                int end = text.indexOf('*', i + 1);
                if (end > i + 1) {
                    add(out, plain);
                    out.add(new Span(text.substring(i + 1, end), Style.ITALIC));
                    i = end + 1;
                    continue;
                }
            }
            plain.append(c);
            i++;
        }
        add(out, plain);
        return out;
    }

    private static void add(List<Span> out, StringBuilder plain) {
        if (!plain.isEmpty()) {
            out.add(new Span(plain.toString(), Style.PLAIN));
            plain.setLength(0);
        }
    }
}
