package dev.falconet.app.telegram;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Telegram MarkdownV2 message the way Telegram displays it: {@code \X} is a literal X; {@code *}
 * toggles bold, {@code _} italic, {@code __} underline, {@code ~} strikethrough, {@code ||} spoiler;
 * text between backticks is code. The result is the visible text cut into spans with their styles, so the
 * app can show an alert as the chat shows it.
 */
public final class MarkdownV2 {
    private MarkdownV2() {}

    /** A run of visible text with one set of styles. */
    public record Span(String text, boolean bold, boolean italic, boolean underline, boolean strike, boolean code) {}

    /** The visible spans of {@code text}. */
    public static List<Span> parse(String text) {
        List<Span> out = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        boolean bold = false, italic = false, underline = false, strike = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                run.appendCodePoint(text.codePointAt(i + 1));
                i += 1 + Character.charCount(text.codePointAt(i + 1));
                continue;
            }
            if (c == '`') {
                int end = text.indexOf('`', i + 1);
                if (end > i) {
                    flush(out, run, bold, italic, underline, strike);
                    out.add(new Span(text.substring(i + 1, end).replace("\\`", "`").replace("\\\\", "\\"), bold, italic, underline, strike, true));
                    i = end + 1;
                    continue;
                }
            }
            boolean marker = true;
            int width = 1;
            switch (c) {
                case '*' -> {
                    flush(out, run, bold, italic, underline, strike);
                    bold = !bold;
                }
                case '_' -> {
                    flush(out, run, bold, italic, underline, strike);
                    if (text.startsWith("__", i)) {
                        underline = !underline;
                        width = 2;
                    } else {
                        italic = !italic;
                    }
                }
                case '~' -> {
                    flush(out, run, bold, italic, underline, strike);
                    strike = !strike;
                }
                case '|' -> {
                    if (text.startsWith("||", i)) {
                        flush(out, run, bold, italic, underline, strike);
                        width = 2; // spoiler: shown as plain text here
                    } else {
                        marker = false;
                    }
                }
                default -> marker = false;
            }
            if (marker) {
                i += width;
            } else {
                run.append(c);
                i++;
            }
        }
        flush(out, run, bold, italic, underline, strike);
        return out;
    }

    /** The text a reader sees, without styles. */
    public static String plain(String text) {
        StringBuilder sb = new StringBuilder();
        for (Span s : parse(text)) sb.append(s.text());
        return sb.toString();
    }

    private static void flush(List<Span> out, StringBuilder run, boolean bold, boolean italic, boolean underline, boolean strike) {
        if (run.isEmpty()) return;
        out.add(new Span(run.toString(), bold, italic, underline, strike, false));
        run.setLength(0);
    }
}
