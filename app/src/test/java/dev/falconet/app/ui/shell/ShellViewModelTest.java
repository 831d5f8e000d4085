package dev.falconet.app.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falconet.app.settings.AppSettingsStore;
import dev.falconet.app.settings.Theme;
import dev.falconet.app.ui.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellViewModelTest {
    @TempDir
    Path dir;

    @Test
    void pageThemeLanguageAndWindowSizeSurviveARestart() {
        var store = new AppSettingsStore(dir.resolve("app.properties"));
        var first = new ShellViewModel(store);
        first.pageProperty().set(Page.RULES);
        first.themeProperty().set(Theme.DARK);
        first.languageProperty().set(Locale.forLanguageTag("ru"));
        first.windowSize(1111, 777);

        var second = new ShellViewModel(store);
        assertThat(second.pageProperty().get()).isEqualTo(Page.RULES);
        assertThat(second.themeProperty().get()).isEqualTo(Theme.DARK);
        assertThat(second.languageProperty().get().getLanguage()).isEqualTo("ru");
        assertThat(second.width()).isEqualTo(1111);
    }

    @Test
    void aSettingsFileThatCannotBeWrittenIsReportedNotThrown() throws Exception {
        Path blocker = Files.writeString(dir.resolve("file"), "x");
        var shell = new ShellViewModel(new AppSettingsStore(blocker.resolve("app.properties")));
        shell.themeProperty().set(Theme.DARK);
        assertThat(shell.saveProblemProperty().get().key()).isEqualTo("status.settings.unsaved");
    }
}
