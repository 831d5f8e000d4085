package dev.falconet.app.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Syntax highlighting of a rules file: YAML structure (keys, comments, quoted strings) everywhere, and
 * the condition language (fields, operators, keywords) inside {@code condition:} values and
 * {@code %field} references inside {@code output:} values. Line based, so it stays fast on every
 * keystroke and never fails on broken YAML.
 */
public final class RulesHighlighter {
    public static final String KEY = "yaml-key";
    public static final String ITEM = "yaml-item";
    public static final String COMMENT = "yaml-comment";
    public static final String STRING = "yaml-string";
    public static final String KEYWORD = "cond-keyword";
    public static final String OPERATOR = "cond-operator";
    public static final String FIELD = "cond-field";

    private static final Pattern KEY_LINE = Pattern.compile("^(\\s*)(- )?([A-Za-z_][A-Za-z0-9_-]*):(?=\\s|$)");
    private static final Pattern CONDITION_TOKEN = Pattern.compile(
            "(?<str>'[^'\\n]*'|\"[^\"\\n]*\")"
                    + "|(?<kw>\\b(?:and|or|not|in|intersects|pmatch|contains|icontains|bcontains|startswith|bstartswith|endswith|glob|iglob|regex|exists)\\b)"
                    + "|(?<field>\\b[a-z][a-z0-9_]*\\.[a-zA-Z0-9_.]+(?:\\[[^\\]\\n]*\\])?)"
                    + "|(?<op>!=|<=|>=|=|<|>)");
    private static final Pattern OUTPUT_FIELD = Pattern.compile("%[a-z][a-z0-9_]*\\.[a-zA-Z0-9_.]+(?:\\[[^\\]\\n]*\\])?");

    private RulesHighlighter() {}

    /** The highlighted ranges of {@code text}, in order, not overlapping. */
    public static List<HighlightSpan> spans(String text) {
        List<HighlightSpan> out = new ArrayList<>();
        String block = null; // "condition" or "output" while inside such a value
        int blockIndent = -1;
        int pos = 0;
        while (pos <= text.length()) {
            int nl = text.indexOf('\n', pos);
            int end = nl < 0 ? text.length() : nl;
            String line = text.substring(pos, end);
            int valueFrom = 0;
            Matcher k = KEY_LINE.matcher(line);
            int indent = indentOf(line);
            if (k.find()) {
                int keyIndent = k.group(1).length() + (k.group(2) == null ? 0 : 2);
                if (block == null || keyIndent <= blockIndent) {
                    String key = k.group(3);
                    boolean item = k.group(2) != null && keyIndent <= 2;
                    out.add(new HighlightSpan(pos + k.start(3), pos + k.end(3), item ? ITEM : KEY));
                    block = key.equals("condition") ? "condition" : key.equals("output") ? "output" : null;
                    blockIndent = keyIndent;
                    valueFrom = k.end();
                }
            } else if (block != null && !line.isBlank() && indent <= blockIndent) {
                block = null;
            }
            int comment = commentStart(line, valueFrom);
            String value = line.substring(valueFrom, comment);
            if ("condition".equals(block)) addCondition(out, value, pos + valueFrom);
            else if ("output".equals(block)) addMatches(out, OUTPUT_FIELD, value, pos + valueFrom, FIELD);
            else addStrings(out, value, pos + valueFrom);
            if (comment < line.length()) out.add(new HighlightSpan(pos + comment, end, COMMENT));
            if (nl < 0) break;
            pos = nl + 1;
        }
        return out;
    }

    private static void addCondition(List<HighlightSpan> out, String value, int base) {
        Matcher m = CONDITION_TOKEN.matcher(value);
        while (m.find()) {
            String style = m.group("str") != null ? STRING : m.group("kw") != null ? KEYWORD : m.group("field") != null ? FIELD : OPERATOR;
            out.add(new HighlightSpan(base + m.start(), base + m.end(), style));
        }
    }

    private static void addStrings(List<HighlightSpan> out, String value, int base) {
        Matcher m = Pattern.compile("'[^'\\n]*'|\"[^\"\\n]*\"").matcher(value);
        while (m.find()) out.add(new HighlightSpan(base + m.start(), base + m.end(), STRING));
    }

    private static void addMatches(List<HighlightSpan> out, Pattern p, String value, int base, String style) {
        Matcher m = p.matcher(value);
        while (m.find()) out.add(new HighlightSpan(base + m.start(), base + m.end(), style));
    }

    /** Where a YAML comment starts: a '#' at the line start or after a blank, outside quotes. */
    static int commentStart(String line, int from) {
        char quote = 0;
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return i;
            }
        }
        return line.length();
    }

    private static int indentOf(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') i++;
        return i;
    }
}
