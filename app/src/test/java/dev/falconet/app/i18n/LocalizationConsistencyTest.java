package dev.falconet.app.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The resource bundles and the code agree: every key the code uses exists in English and Russian,
 * every key in the bundles is used, both bundles have the same keys and the same placeholders, and
 * every text parses as a MessageFormat. Keys are written as string literals in the code (never
 * built from pieces), which is what makes this check possible.
 */
class LocalizationConsistencyTest {
    private static final Path BUNDLES = Path.of("src/main/resources/dev/falconet/app/ui/i18n");
    private static final Pattern KEY_LITERAL = Pattern.compile("\"((?:app|nav|status|lab|rules|alerts|settings|guide|scenarios|exercises|telegram|notify)\\.[a-z0-9_.]+)\"");
    /** Literals that look like keys but are file names. */
    private static final Pattern FILE_NAME = Pattern.compile(".*\\.(css|json|jsonl|yaml|yml|properties|png)$");

    @Test
    void everyKeyUsedInTheCodeExistsInBothLanguages() throws IOException {
        Set<String> used = usedKeys();
        assertThat(used).isNotEmpty();
        assertThat(missing(used, load("messages.properties"))).as("missing in messages.properties").isEmpty();
        assertThat(missing(used, load("messages_ru.properties"))).as("missing in messages_ru.properties").isEmpty();
    }

    @Test
    void everyKeyInTheBundlesIsUsed() throws IOException {
        Set<String> unused = new TreeSet<>(load("messages.properties").stringPropertyNames());
        unused.removeAll(usedKeys());
        assertThat(unused).as("unused keys").isEmpty();
    }

    @Test
    void bothLanguagesHaveTheSameKeysAndPlaceholders() throws IOException {
        Properties en = load("messages.properties");
        Properties ru = load("messages_ru.properties");
        assertThat(ru.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
        for (String k : en.stringPropertyNames()) {
            assertThat(placeholders(ru.getProperty(k))).as(k).isEqualTo(placeholders(en.getProperty(k)));
        }
    }

    @Test
    void everyTextIsAValidMessageFormat() throws IOException {
        for (String file : List.of("messages.properties", "messages_ru.properties")) {
            Properties p = load(file);
            for (String k : p.stringPropertyNames()) {
                String v = p.getProperty(k);
                assertThat(v).as(file + " " + k + " has a straight apostrophe (write ’)").doesNotContain("'");
                new MessageFormat(v, Locale.ROOT).format(new Object[] {1, 2, 3});
            }
        }
    }

    @Test
    void aMissingKeyIsVisibleNotAnException() {
        assertThat(new Messages(Locale.ENGLISH).get("no.such.key")).isEqualTo("!no.such.key!");
    }

    private static Set<String> missing(Set<String> used, Properties p) {
        Set<String> m = new TreeSet<>(used);
        m.removeAll(p.stringPropertyNames());
        return m;
    }

    private static Set<String> usedKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> s = Files.walk(Path.of("src/main/java"))) {
            for (Path f : s.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = KEY_LITERAL.matcher(Files.readString(f));
                while (m.find()) if (!FILE_NAME.matcher(m.group(1)).matches()) keys.add(m.group(1));
            }
        }
        return keys;
    }

    private static Set<String> placeholders(String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("\\{(\\d)").matcher(text);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(BUNDLES.resolve(name), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }
}
