package dev.falconet.output.telegram;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Telegram's MarkdownV2 rules as the fake server enforces them: a backslash escapes any character; the
 * characters {@code _ * [ ] ( ) ~ ` > # + - = | { } . !} must be escaped unless they are markup;
 * {@code * _ __ ~ ||} open and close entities (an empty entity like {@code **} is allowed). Returns the
 * text as shown, or throws with Telegram's wording.
 */
final class MarkdownV2Parser {
    private MarkdownV2Parser() {
    }

    static String parse(String text) {
        StringBuilder shown = new StringBuilder(text.length());
        Deque<String> open = new ArrayDeque<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                if (i + 1 >= text.length()) throw new IllegalArgumentException("Can't find end of the entity: text ends with a backslash");
                char n = text.charAt(i + 1);
                if (n > 126) throw new IllegalArgumentException("Character '" + n + "' can't be escaped");
                shown.append(n);
                i += 2;
                continue;
            }
            String marker = switch (c) {
                case '*' -> "*";
                case '~' -> "~";
                case '_' -> i + 1 < text.length() && text.charAt(i + 1) == '_' ? "__" : "_";
                case '|' -> i + 1 < text.length() && text.charAt(i + 1) == '|' ? "||" : null;
                default -> null;
            };
            if (marker != null) {
                if (marker.equals(open.peek())) open.pop();
                else if (open.contains(marker)) throw new IllegalArgumentException("Can't find end of " + marker + " entity at byte offset " + i);
                else open.push(marker);
                i += marker.length();
                continue;
            }
            if ("_*[]()~`>#+-=|{}.!".indexOf(c) >= 0) {
                throw new IllegalArgumentException("Character '" + c + "' is reserved and must be escaped with the preceding '\\'");
            }
            shown.append(c);
            i++;
        }
        if (!open.isEmpty()) throw new IllegalArgumentException("Can't find end of " + open.peek() + " entity");
        return shown.toString();
    }
}
