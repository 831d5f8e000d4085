package dev.falconet.output.telegram;

import java.util.regex.Pattern;

/**
 * Keeps bot tokens out of text that may be shown or logged: every delivery reason, log line and exception
 * message from the Telegram output passes through {@link #redact}.
 */
public final class Redactor {
    /** A bot token as Telegram issues them: {@code <bot id>:<35 characters>}. */
    private static final Pattern TOKEN_SHAPE = Pattern.compile("\\d{5,}:[A-Za-z0-9_-]{20,}");

    private Redactor() {
    }

    /** {@code text} with {@code token} (and anything shaped like a bot token) replaced by {@code <token>}. */
    public static String redact(String text, String token) {
        if (text == null) return null;
        String t = text;
        if (token != null && !token.isEmpty()) t = t.replace(token, "<token>");
        return TOKEN_SHAPE.matcher(t).replaceAll("<token>");
    }

    /** A mask that shows only whether a token is set and its bot id part: {@code 123456:****}. */
    public static String mask(String token) {
        if (token == null || token.isEmpty()) return "(none)";
        int colon = token.indexOf(':');
        return colon > 0 && token.substring(0, colon).chars().allMatch(Character::isDigit) ? token.substring(0, colon) + ":****" : "****";
    }
}
