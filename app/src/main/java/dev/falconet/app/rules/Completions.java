package dev.falconet.app.rules;

import dev.falconet.fields.FieldDef;
import dev.falconet.fields.FieldRegistry;
import dev.falconet.rules.load.LoadResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/** What the rules editor offers to complete a word with: fields, then the file's macros and lists. */
public final class Completions {
    private static final int LIMIT = 40;

    /**
     * One suggestion.
     *
     * @param text   the text to insert
     * @param kind   field, macro or list
     * @param detail a field's description, "" otherwise
     */
    public record Suggestion(String text, String kind, String detail) {}

    private final List<Suggestion> fields;

    public Completions(FieldRegistry registry) {
        List<Suggestion> f = new ArrayList<>();
        for (FieldDef d : registry.all()) if (!d.deprecated()) f.add(new Suggestion(d.name(), "field", d.description()));
        this.fields = List.copyOf(f);
    }

    /** Suggestions starting with {@code prefix} (case-insensitive), at most 40; macros and lists from {@code loaded} when given. */
    public List<Suggestion> suggest(String prefix, LoadResult loaded) {
        String p = prefix.toLowerCase(Locale.ROOT);
        List<Suggestion> out = new ArrayList<>();
        if (p.isEmpty()) return out;
        for (Suggestion s : fields) if (s.text().startsWith(p) && out.size() < LIMIT) out.add(s);
        if (loaded != null) {
            TreeSet<String> macros = new TreeSet<>();
            loaded.macros().forEach(m -> macros.add(m.name()));
            for (String m : macros) if (m.toLowerCase(Locale.ROOT).startsWith(p) && out.size() < LIMIT) out.add(new Suggestion(m, "macro", ""));
            TreeSet<String> lists = new TreeSet<>();
            loaded.lists().forEach(l -> lists.add(l.name()));
            for (String l : lists) if (l.toLowerCase(Locale.ROOT).startsWith(p) && out.size() < LIMIT) out.add(new Suggestion(l, "list", ""));
        }
        return out;
    }

    /** The word being typed that ends at {@code caret}: letters, digits, '.', '_' and '-'. */
    public static String wordBefore(String text, int caret) {
        int i = Math.min(caret, text.length());
        int s = i;
        while (s > 0) {
            char c = text.charAt(s - 1);
            if (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-') s--;
            else break;
        }
        return text.substring(s, i);
    }
}
