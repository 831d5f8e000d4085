package dev.falconet.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falconet.rules.Priority;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppSettingsStoreTest {
    @TempDir
    Path dir;

    @Test
    void whatIsSavedIsLoaded() throws IOException {
        var store = new AppSettingsStore(dir.resolve("sub/app.properties"));
        AppSettings s = AppSettings.defaults().withTheme(Theme.DARK).withLanguage(Locale.forLanguageTag("ru")).withLastPage("rules")
                .withWindow(1000, 700).withRulesFiles(List.of(Path.of("/a.yaml"), Path.of("/b c.yaml")))
                .withTelegram("-100123", Priority.CRITICAL, "http://127.0.0.1:9");
        store.save(s);
        assertThat(store.load()).isEqualTo(s);
    }

    @Test
    void aMissingFileGivesTheDefaults() {
        assertThat(new AppSettingsStore(dir.resolve("none.properties")).load()).isEqualTo(AppSettings.defaults());
    }

    @Test
    void nonsenseValuesFallBackOneByOne() throws IOException {
        Path f = dir.resolve("app.properties");
        Files.writeString(f, "theme=purple\nlanguage=xx\nwidth=-5\nheight=abc\ntelegram_min_priority=loud\n");
        AppSettings s = new AppSettingsStore(f).load();
        assertThat(s.theme()).isEqualTo(Theme.LIGHT);
        assertThat(s.language()).isEqualTo(Locale.ENGLISH);
        assertThat(s.width()).isEqualTo(AppSettings.DEFAULT_WIDTH);
        assertThat(s.telegramMinPriority()).isEqualTo(Priority.WARNING);
    }
}
