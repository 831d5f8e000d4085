package dev.falconet.app.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A rule's YAML as written in its rules file: from {@code - rule: NAME} to the next top-level item. */
public final class RuleSource {
    private RuleSource() {}

    /** The first definition of {@code rule} in {@code files} (in order), or empty. */
    public static Optional<String> find(List<Path> files, String rule) {
        for (Path f : files) {
            List<String> lines;
            try {
                lines = Files.readAllLines(f);
            } catch (IOException e) {
                continue; // unreadable files already failed loading with a diagnostic
            }
            for (int i = 0; i < lines.size(); i++) {
                String l = lines.get(i);
                if (!l.startsWith("- rule:") || !unquote(l.substring("- rule:".length())).equals(rule)) continue;
                List<String> item = new ArrayList<>();
                item.add(l);
                for (int j = i + 1; j < lines.size() && !lines.get(j).startsWith("- ") && !lines.get(j).startsWith("#"); j++) item.add(lines.get(j));
                while (!item.isEmpty() && item.getLast().isBlank()) item.removeLast();
                return Optional.of(String.join("\n", item));
            }
        }
        return Optional.empty();
    }

    private static String unquote(String s) {
        String t = s.strip();
        if (t.length() >= 2 && (t.startsWith("\"") && t.endsWith("\"") || t.startsWith("'") && t.endsWith("'"))) t = t.substring(1, t.length() - 1);
        return t;
    }
}
