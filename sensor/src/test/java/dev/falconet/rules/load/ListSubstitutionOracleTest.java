package dev.falconet.rules.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The one-pass {@link ListSubstitution} against a literal port of Falco's string-rebuilding loop, on random
 * texts made of list names, delimiters, blanks and commas (where the quirks live).
 */
class ListSubstitutionOracleTest {

    /** Falco's resolve_list, rebuilding the string at each occurrence (quadratic, obviously faithful). */
    static String falco(String cnd, String name, List<String> items) {
        String blanks = " \t\n\r", delims = blanks + "(),=";
        int start = cnd.indexOf(name);
        while (start >= 0) {
            int end = start + name.length();
            if ((start == 0 || delims.indexOf(cnd.charAt(start - 1)) >= 0)
                    && (end >= cnd.length() || delims.indexOf(cnd.charAt(end)) >= 0)) {
                while (start > 0 && blanks.indexOf(cnd.charAt(start - 1)) >= 0) start--;
                while (end < cnd.length() && blanks.indexOf(cnd.charAt(end)) >= 0) end++;
                String sub = ListSubstitution.joined(items);
                if (sub.isEmpty()) {
                    if (start > 0 && cnd.charAt(start - 1) == ',') start--;
                    else if (end < cnd.length() && cnd.charAt(end) == ',') end++;
                }
                String n = "";
                if (start > 0) n += cnd.substring(0, start) + " ";
                n += sub + " ";
                n += cnd.substring(end);
                cnd = n;
                start += sub.length() + 1;
            }
            start = cnd.indexOf(name, start + 1);
        }
        return cnd;
    }

    @Test
    void onePassEqualsFalcosLoop() {
        Random rnd = new Random(42);
        String[] pieces = {"l", "l", "l", "ll", "xl", " ", "  ", ",", ", ", "(", ")", "=", "\t", "\n", "a", "\"", "in "};
        List<List<String>> itemSets = List.of(List.of(), List.of("x"), List.of("a", "b c"), List.of("l"), List.of(""), List.of("l", "l l"));
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = rnd.nextInt(12); k >= 0; k--) sb.append(pieces[rnd.nextInt(pieces.length)]);
            String text = sb.toString();
            List<String> items = itemSets.get(rnd.nextInt(itemSets.size()));
            String ours = ListSubstitution.apply(TracedText.fixed(text, SourceSpan.UNKNOWN), "l", items).text();
            assertThat(ours).as("text [%s] items %s", text, items).isEqualTo(falco(text, "l", items));
        }
    }

    @Test
    void linearOnManyOccurrences() {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) parts.add("l");
        String text = "proc.name in (" + String.join(", ", parts) + ")";
        TracedText t = ListSubstitution.apply(TracedText.fixed(text, SourceSpan.UNKNOWN), "l", List.of("x"));
        assertThat(t.text()).startsWith("proc.name in ( x , x ,").endsWith(" x )");
    }
}
