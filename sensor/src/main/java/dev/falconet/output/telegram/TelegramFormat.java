package dev.falconet.output.telegram;

import dev.falconet.output.Alert;
import dev.falconet.output.AlertFormats;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Telegram message for an alert, laid out as falcosidekick's Telegram output (title with priority and
 * rule, time, source, hostname, tags, output fields sorted by name, output) in MarkdownV2, with three
 * differences that make it safe for any value:
 * <ul>
 *   <li>the backslash is escaped too (falcosidekick forgets it, so Telegram drops it or rejects the message);</li>
 *   <li>control characters (newline, tab, ESC ...) in values are shown as Unicode control pictures
 *       ({@code ␊ ␉ ␛}), so a hostile value cannot fake extra message lines;</li>
 *   <li>a message longer than Telegram's 4096 characters is cut visibly: long values are shortened with
 *       {@code …}, and a final italic line says so and names the alert's uuid (the full alert stays in
 *       Falconet's feed, JSON output and file output).</li>
 * </ul>
 */
public final class TelegramFormat {
    /** Telegram's maximum message length. */
    public static final int LIMIT = 4096;
    private static final String SPECIAL = "_*[]()~`>#+-=|{}.!\\";

    private TelegramFormat() {
    }

    /** How a message is marked up: MarkdownV2 (normal) or plain text (fallback when Telegram cannot parse). */
    public enum Markup {
        MARKDOWN_V2, PLAIN;

        String esc(String s) {
            return this == MARKDOWN_V2 ? escape(s) : sanitize(s);
        }

        String bold(String s) {
            return this == MARKDOWN_V2 ? "*" + s + "*" : s;
        }

        String italic(String s) {
            return this == MARKDOWN_V2 ? "_" + s + "_" : s;
        }
    }

    /** The rendered text and whether it had to be cut to {@link #LIMIT}. */
    public record Message(String text, boolean truncated) {
    }

    /** The MarkdownV2 message for {@code alert}, at most {@link #LIMIT} characters. */
    public static Message render(Alert alert) {
        return render(alert, Markup.MARKDOWN_V2, null);
    }

    /**
     * The message for {@code alert} in {@code markup}, at most {@link #LIMIT} characters. {@code notice},
     * when not null, is an extra italic first line (e.g. "sent again: may duplicate an earlier message").
     */
    public static Message render(Alert alert, Markup markup, String notice) {
        String marker = "\n" + markup.italic(markup.esc("✂ cut to fit Telegram's " + LIMIT
                + "-character limit; the full alert is in Falconet (uuid " + alert.uuid() + ")"));
        int longest = longestValue(alert);
        String full = layout(alert, markup, notice, Integer.MAX_VALUE, Integer.MAX_VALUE);
        if (full.length() <= LIMIT) return new Message(full, false);
        int fields = alert.outputFields().size();
        if (layout(alert, markup, notice, 0, fields).length() + marker.length() <= LIMIT) {
            // largest value cap that fits
            int lo = 0, hi = longest;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (layout(alert, markup, notice, mid, fields).length() + marker.length() <= LIMIT) lo = mid;
                else hi = mid - 1;
            }
            return new Message(layout(alert, markup, notice, lo, fields) + marker, true);
        }
        // too many fields even with empty values: keep as many fields as fit
        int lo = 0, hi = fields;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (layout(alert, markup, notice, 0, mid).length() + marker.length() <= LIMIT) lo = mid;
            else hi = mid - 1;
        }
        String text = layout(alert, markup, notice, 0, lo) + marker;
        if (text.length() > LIMIT) text = cutAtCodePoint(text, LIMIT); // only with absurdly long rule names or tags
        return new Message(text, true);
    }

    /**
     * falcosidekick's layout. {@code cap}: longest value (code points) before cutting with "…";
     * {@code maxFields}: how many output fields to list.
     */
    private static String layout(Alert a, Markup m, String notice, int cap, int maxFields) {
        StringBuilder sb = new StringBuilder(1024);
        if (notice != null) sb.append(m.italic(m.esc(notice))).append('\n');
        if (m == Markup.MARKDOWN_V2) {
            sb.append("*\\[Falco\\] \\[").append(m.esc(a.priority().display())).append("\\] ").append(m.esc(a.rule())).append("*\n");
        } else {
            sb.append("[Falco] [").append(a.priority().display()).append("] ").append(m.esc(a.rule())).append('\n');
        }
        sb.append('\n');
        sb.append("• ").append(m.bold("Time")).append(": ").append(m.esc(goTime(a.timeNanos()))).append('\n');
        sb.append("• ").append(m.bold("Source")).append(": ").append(m.esc(a.source())).append('\n');
        sb.append("• ").append(m.bold("Hostname")).append(": ").append(m.esc(a.hostname())).append('\n');
        sb.append("• ").append(m.bold("Tags")).append(": ");
        for (String t : a.tags()) sb.append(m.esc(t)).append(' ');
        sb.append('\n');
        sb.append("• ").append(m.bold("Fields")).append(":\n");
        int shown = 0;
        Map<String, Object> fields = new TreeMap<>(a.outputFields());
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            if (shown == maxFields) break;
            sb.append("\t  • ").append(m.bold(m.esc(e.getKey()))).append(": ").append(m.esc(cap(goValue(e.getValue()), cap))).append('\n');
            shown++;
        }
        if (shown < fields.size()) {
            sb.append("\t  • ").append(m.esc("… " + (fields.size() - shown) + " more fields")).append('\n');
        }
        sb.append("\n\n");
        sb.append(m == Markup.MARKDOWN_V2 ? "**Output**: " : "Output: ").append(m.esc(cap(a.output(), cap))).append('\n');
        return sb.toString();
    }

    /**
     * MarkdownV2 escaping: a backslash before each of {@code _*[]()~`>#+-=|{}.!} and before the backslash
     * itself; control characters and broken surrogates made visible first ({@link #sanitize}).
     */
    public static String escape(String s) {
        String clean = sanitize(s);
        StringBuilder sb = new StringBuilder(clean.length() + 16);
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            if (SPECIAL.indexOf(c) >= 0) sb.append('\\');
            sb.append(c);
        }
        return sb.toString();
    }

    /** Control characters as Unicode control pictures (U+2400 block), lone surrogates as U+FFFD. */
    public static String sanitize(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char r = c;
            if (c < 0x20) r = (char) (0x2400 + c);
            else if (c == 0x7F) r = '\u2421';
            else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                if (sb != null) sb.append(c).append(s.charAt(i + 1));
                i++;
                continue;
            } else if (Character.isSurrogate(c)) r = '\uFFFD';
            if (r != c && sb == null) sb = new StringBuilder(s.length()).append(s, 0, i);
            if (sb != null) sb.append(r);
        }
        return sb == null ? s : sb.toString();
    }

    /**
     * A value as Go's {@code %v} prints a decoded JSON value: strings as they are, numbers as their JSON
     * text, {@code true}/{@code false}, {@code <nil>} for null, {@code [a b]} for arrays and
     * {@code map[k:v]} for objects (keys sorted).
     */
    public static String goValue(Object v) {
        return switch (v) {
            case null -> "<nil>";
            case String s -> s;
            case List<?> list -> {
                List<String> parts = new ArrayList<>();
                for (Object o : list) parts.add(goValue(o));
                yield "[" + String.join(" ", parts) + "]";
            }
            case Map<?, ?> map -> {
                TreeMap<String, Object> sorted = new TreeMap<>();
                map.forEach((k, val) -> sorted.put(String.valueOf(k), val));
                List<String> parts = new ArrayList<>();
                sorted.forEach((k, val) -> parts.add(k + ":" + goValue(val)));
                yield "map[" + String.join(" ", parts) + "]";
            }
            default -> v.toString();
        };
    }

    /** Go's default time format in UTC: {@code 2023-05-25 13:44:05.478445995 +0000 UTC}, trailing zero fraction digits dropped. */
    public static String goTime(long timeNanos) {
        ZonedDateTime t = AlertFormats.instant(timeNanos).atZone(ZoneOffset.UTC);
        String frac = "";
        if (t.getNano() != 0) {
            frac = String.format(".%09d", t.getNano()).replaceAll("0+$", "");
        }
        return String.format("%04d-%02d-%02d %02d:%02d:%02d%s +0000 UTC", t.getYear(), t.getMonthValue(), t.getDayOfMonth(),
                t.getHour(), t.getMinute(), t.getSecond(), frac);
    }

    private static int longestValue(Alert a) {
        int max = a.output().length();
        for (Object v : a.outputFields().values()) max = Math.max(max, goValue(v).length());
        return max;
    }

    private static String cap(String s, int cap) {
        if (cap == Integer.MAX_VALUE || s.codePointCount(0, s.length()) <= cap) return s;
        return s.substring(0, s.offsetByCodePoints(0, cap)) + "…";
    }

    private static String cutAtCodePoint(String s, int maxChars) {
        int end = maxChars;
        if (Character.isLowSurrogate(s.charAt(end)) && Character.isHighSurrogate(s.charAt(end - 1))) end--;
        return s.substring(0, end);
    }
}
