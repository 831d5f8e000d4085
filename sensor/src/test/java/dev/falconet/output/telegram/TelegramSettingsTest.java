package dev.falconet.output.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.falconet.output.OutputConfigException;
import dev.falconet.rules.Priority;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TelegramSettingsTest {
    @TempDir
    Path dir;

    private static TelegramSettingsResolver.Cli cli(String token, String chat, Path values) {
        return new TelegramSettingsResolver.Cli(token, chat, null, null, null, null, values, null);
    }

    @Test
    void readsTheLabsCustomValuesFile() throws Exception {
        Path values = dir.resolve("custom-values.yaml");
        Files.writeString(values, """
                falcosidekick:
                  enabled: true
                  config:
                    telegram:
                      enabled: true
                      token: "123:AAtokenFromValuesFile"
                      chatid: "-100777"
                      minimumpriority: notice
                      messagethreadid: 12
                """);
        TelegramSettings s = TelegramSettingsResolver.resolve(cli(null, null, values), Map.of()).orElseThrow();
        assertThat(s.token()).isEqualTo("123:AAtokenFromValuesFile");
        assertThat(s.chatId()).isEqualTo("-100777");
        assertThat(s.minPriority()).isEqualTo(Priority.NOTICE);
        assertThat(s.threadId()).isEqualTo(12);
        assertThat(s.apiUrl()).isEqualTo(TelegramSettings.DEFAULT_API);
        assertThat(s.perMinute()).isEqualTo(20);
        assertThat(s.toString()).doesNotContain("AAtokenFromValuesFile").contains("123:****");
    }

    @Test
    void commandLineBeatsEnvironmentWhichBeatsTheValuesFile() throws Exception {
        Path values = dir.resolve("v.yaml");
        Files.writeString(values, "config:\n  telegram:\n    token: file-token\n    chatid: 1\n");
        Map<String, String> env = Map.of("FALCONET_TELEGRAM_TOKEN", "env-token", "FALCONET_TELEGRAM_CHAT_ID", "2",
                "FALCONET_TELEGRAM_API_URL", "http://127.0.0.1:9", "FALCONET_TELEGRAM_MIN_PRIORITY", "info");
        TelegramSettings s = TelegramSettingsResolver.resolve(cli("cli-token", null, values), env).orElseThrow();
        assertThat(s.token()).isEqualTo("cli-token");
        assertThat(s.chatId()).isEqualTo("2");
        assertThat(s.apiUrl()).isEqualTo(URI.create("http://127.0.0.1:9"));
        assertThat(s.minPriority()).isEqualTo(Priority.INFORMATIONAL);
        assertThat(s.perMinute()).isEqualTo(60);
        assertThat(s.telegramUrl().getPort()).isEqualTo(9);
    }

    @Test
    void explainsIncompleteOrBadSettings() throws Exception {
        assertThat(TelegramSettingsResolver.resolve(cli(null, null, null), Map.of())).isEmpty();
        assertThatThrownBy(() -> TelegramSettingsResolver.resolve(cli("t", null, null), Map.of()))
                .isInstanceOf(OutputConfigException.class).hasMessageContaining("no chat id").hasMessageContaining("--telegram-chat-id");
        assertThatThrownBy(() -> TelegramSettingsResolver.resolve(cli(null, "5", null), Map.of()))
                .hasMessageContaining("no bot token");
        assertThatThrownBy(() -> TelegramSettingsResolver.resolve(cli("t", "chat", null), Map.of()))
                .hasMessageContaining("neither a number");
        assertThatThrownBy(() -> TelegramSettingsResolver.resolve(
                new TelegramSettingsResolver.Cli("t", "5", "loud", null, null, null, null, null), Map.of()))
                .hasMessageContaining("minimum priority 'loud'");
        assertThatThrownBy(() -> TelegramSettingsResolver.resolve(
                new TelegramSettingsResolver.Cli("t", "5", null, null, "ftp://x", null, null, null), Map.of()))
                .hasMessageContaining("must look like https://api.telegram.org");
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, "falcosidekick:\n  config: [unclosed\n");
        assertThatThrownBy(() -> TelegramSettingsResolver.resolve(cli(null, null, broken), Map.of()))
                .hasMessageStartingWith("--values " + broken + ": not valid YAML at line");
        assertThatThrownBy(() -> TelegramSettingsResolver.resolve(cli(null, null, dir.resolve("missing.yaml")), Map.of()))
                .hasMessageContaining("cannot read the file");
    }

    @Test
    void savedSettingsFileIsPrivateAndReadBack() throws Exception {
        TelegramSettings s = new TelegramSettings("42:AAsecretsecretsecretsecret", "-100123", Priority.WARNING, 7, URI.create("http://127.0.0.1:1"), 20);
        Path f = dir.resolve("cfg/falconet/telegram.properties");
        TelegramSettingsStore.save(s, f);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f.getParent()))).isEqualTo("rwx------");
        TelegramSettings back = TelegramSettingsResolver.resolve(
                new TelegramSettingsResolver.Cli(null, null, null, null, null, null, null, f), Map.of()).orElseThrow();
        assertThat(back).isEqualTo(s);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> TelegramSettingsStore.load(f)).hasMessageContaining("chmod 600");
    }
}
