package dev.falconet.app.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falconet.app.settings.AppSettingsStore;
import dev.falconet.app.ui.TestThreads;
import dev.falconet.app.ui.UiThreads;
import dev.falconet.app.ui.shell.ShellViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsViewModelTest {
    private final UiThreads threads = TestThreads.direct();
    private final List<List<Path>> loaded = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        threads.close();
    }

    private SettingsViewModel vm() {
        var shell = new ShellViewModel(new AppSettingsStore(dir.resolve("app.properties")));
        return new SettingsViewModel(threads, shell, dir.resolve("telegram.properties"), loaded::add);
    }

    @Test
    void sendTestGoesThroughTheRealClientToTheBotApi() throws Exception {
        try (FakeBotApi api = new FakeBotApi("123:ABC")) {
            var vm = vm();
            vm.tokenProperty().set(api.token());
            vm.shell().telegramChatIdProperty().set("-1001");
            vm.shell().telegramApiUrlProperty().set(api.url());
            vm.sendTest();
            assertThat(vm.testReport()).as("report").anyMatch(l -> l.contains("message 42"));
            assertThat(vm.telegramMessageProperty().get().key()).isEqualTo("settings.telegram.test.ok");
            assertThat(vm.testReport()).anyMatch(l -> l.contains("message 42"));
            assertThat(vm.testReport()).noneMatch(l -> l.contains("123:ABC"));
            assertThat(api.calls).anyMatch(c -> c.toLowerCase().endsWith("/sendmessage"));
        }
    }

    @Test
    void aWrongTokenIsReportedWithTheFix() throws Exception {
        try (FakeBotApi api = new FakeBotApi("123:ABC")) {
            var vm = vm();
            vm.tokenProperty().set("999:WRONG");
            vm.shell().telegramChatIdProperty().set("-1001");
            vm.shell().telegramApiUrlProperty().set(api.url());
            vm.sendTest();
            assertThat(vm.telegramMessageProperty().get().key()).isEqualTo("settings.telegram.test.failed");
            assertThat(vm.testReport()).anyMatch(l -> l.contains("bad token") && l.contains("@BotFather"));
        }
    }

    @Test
    void missingTokenChatOrUrlIsSaidBeforeAnythingIsSent() {
        var vm = vm();
        vm.sendTest();
        assertThat(vm.telegramMessageProperty().get().key()).isEqualTo("settings.telegram.notoken");
        vm.tokenProperty().set("1:A");
        vm.sendTest();
        assertThat(vm.telegramMessageProperty().get().key()).isEqualTo("settings.telegram.nochat");
        vm.shell().telegramChatIdProperty().set("42");
        vm.shell().telegramApiUrlProperty().set("ftp://x");
        vm.sendTest();
        assertThat(vm.telegramMessageProperty().get().key()).isEqualTo("settings.telegram.badurl");
    }

    @Test
    void theTokenIsSavedOnlyToAPrivateFileAndReadBack() throws Exception {
        var vm = vm();
        vm.tokenProperty().set("123:SECRET");
        vm.shell().telegramChatIdProperty().set("-1001");
        vm.saveTelegram();
        Path f = dir.resolve("telegram.properties");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
        assertThat(Files.readString(dir.resolve("app.properties"))).doesNotContain("SECRET").contains("-1001");
        assertThat(vm().tokenProperty().get()).isEqualTo("123:SECRET");
    }

    @Test
    void rulesFilesArePersistedAndLoaded() {
        var vm = vm();
        vm.addRulesFile(Path.of("/x/a.yaml"));
        vm.addRulesFile(Path.of("/x/a.yaml"));
        vm.applyRules();
        assertThat(loaded).containsExactly(List.of(Path.of("/x/a.yaml")));
        assertThat(vm().shell().rulesFiles()).containsExactly(Path.of("/x/a.yaml"));
        vm.removeRulesFile(Path.of("/x/a.yaml"));
        vm.applyRules();
        assertThat(vm.rulesMessageProperty().get().key()).isEqualTo("settings.rules.applied.project");
    }
}
