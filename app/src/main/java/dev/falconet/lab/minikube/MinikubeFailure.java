package dev.falconet.lab.minikube;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a minikube command failed, read from its output: minikube ends a failure with
 * {@code Exiting due to <REASON>: <text>} and often prints suggestions before or after it.
 *
 * @param reason      minikube's reason code ({@code DRV_NOT_HEALTHY}, {@code RSRC_INSUFFICIENT_CORES}), or null
 * @param message     the text after the reason, or the last output line when there was no reason line
 * @param suggestions minikube's suggestion lines, in order
 */
public record MinikubeFailure(String reason, String message, List<String> suggestions) {
    private static final Pattern EXITING = Pattern.compile("Exiting due to ([A-Z0-9_]+):\\s*(.*)");
    private static final Pattern SUGGESTION = Pattern.compile("Suggestion:\\s*(.*)");

    public MinikubeFailure {
        suggestions = List.copyOf(suggestions);
    }

    /** Reads a failed command's output. */
    public static MinikubeFailure parse(String output) {
        String reason = null;
        String message = null;
        var suggestions = new java.util.ArrayList<String>();
        String last = null;
        for (String raw : output.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty()) continue;
            last = line;
            Matcher m = EXITING.matcher(line);
            if (m.find()) {
                reason = m.group(1);
                message = m.group(2).strip();
                continue;
            }
            Matcher s = SUGGESTION.matcher(line);
            if (s.find() && !s.group(1).isBlank()) suggestions.add(s.group(1).strip());
        }
        if (message == null) message = last == null ? "minikube printed nothing" : stripDecoration(last);
        return new MinikubeFailure(reason, message, suggestions);
    }

    /** One text for the user: reason, message and suggestions. */
    public String describe() {
        var sb = new StringBuilder();
        if (reason != null) sb.append(reason).append(": ");
        sb.append(message);
        for (String s : suggestions) sb.append("\n  suggestion: ").append(s);
        return sb.toString();
    }

    /** Drops the emoji or "X"/"*" marker minikube puts before its lines. */
    static String stripDecoration(String line) {
        int i = 0;
        while (i < line.length()) {
            int cp = line.codePointAt(i);
            if (Character.isLetterOrDigit(cp) || cp == '"' || cp == '\'') break;
            i += Character.charCount(cp);
        }
        String rest = line.substring(i);
        if ((rest.startsWith("X ") || rest.startsWith("! ")) && rest.length() > 2) rest = rest.substring(2);
        return rest.strip();
    }
}
