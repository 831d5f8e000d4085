package dev.falconet.output.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.falconet.output.Alert;
import dev.falconet.output.TestAlerts;
import dev.falconet.rules.Priority;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TelegramFormatTest {
    private static final long TIME_2001 = Instant.parse("2001-01-01T01:10:00Z").getEpochSecond() * 1_000_000_000L;

    @Test
    void matchesFalcosidekicksUpstreamExampleByteForByte() {
        Alert a = new Alert(TIME_2001, "Test rule", Priority.DEBUG, "syscalls", List.of("test", "example"), "test-host",
                "This is a test from falcosidekick", "", Map.of("proc.name", "falcosidekick", "proc.tty", 1234L), "u-1");
        assertThat(TelegramFormat.render(a).text()).isEqualTo("""
                *\\[Falco\\] \\[Debug\\] Test rule*

                • *Time*: 2001\\-01\\-01 01:10:00 \\+0000 UTC
                • *Source*: syscalls
                • *Hostname*: test\\-host
                • *Tags*: test example\s
                • *Fields*:
                \t  • *proc\\.name*: falcosidekick
                \t  • *proc\\.tty*: 1234


                **Output**: This is a test from falcosidekick
                """);
    }

    @Test
    void labAlertsMatchTheirGoldenMessages() throws IOException {
        assertThat(TelegramFormat.render(TestAlerts.readSensitiveFile()).text()).isEqualTo(golden("read-sensitive-file-untrusted.txt"));
        assertThat(TelegramFormat.render(TestAlerts.writeBelowTestDir()).text()).isEqualTo(golden("write-below-test-directory.txt"));
        assertThat(TelegramFormat.render(TestAlerts.dropAndExecute()).text()).isEqualTo(golden("drop-and-execute-new-binary.txt"));
        for (Alert a : List.of(TestAlerts.readSensitiveFile(), TestAlerts.writeBelowTestDir(), TestAlerts.dropAndExecute())) {
            assertThat(MarkdownV2Parser.parse(TelegramFormat.render(a).text())).contains(a.rule(), a.output());
        }
    }

    @Test
    void escapesEveryReservedCharacterAndTheBackslash() {
        assertThat(TelegramFormat.escape("_*[]()~`>#+-=|{}.!\\"))
                .isEqualTo("\\_\\*\\[\\]\\(\\)\\~\\`\\>\\#\\+\\-\\=\\|\\{\\}\\.\\!\\\\");
        assertThat(TelegramFormat.escape("plain text, 123; é 日本 😀")).isEqualTo("plain text, 123; é 日本 😀");
        String all = "a\\b\\\\c \\* _x_ *y* [l](http://h/p?q=1&r=2) `code` ~s~ ||sp|| >q #h +p -m =e {b} .d !x <b>&amp;";
        assertThat(MarkdownV2Parser.parse(TelegramFormat.escape(all))).isEqualTo(all);
    }

    @Test
    void falcosidekicksEscapingLosesTheBackslashOursKeepsIt() {
        String value = "C:\\temp\\new";
        String sidekick = value; // falcosidekick leaves '\' alone: "\t" and "\n" become escapes of t and n
        assertThat(MarkdownV2Parser.parse(sidekick)).isEqualTo("C:tempnew");
        assertThat(MarkdownV2Parser.parse(TelegramFormat.escape(value))).isEqualTo(value);
        assertThatThrownBy(() -> MarkdownV2Parser.parse("ends with \\")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void controlCharactersAndBrokenSurrogatesAreShownVisibly() {
        assertThat(TelegramFormat.escape("a\nb\tc\u001b[31m\u0000\u007f\ud800")).isEqualTo("a␊b␉c␛\\[31m␀␡\uFFFD");
    }

    @Test
    void hostileValuesStayIntactAndParseable() {
        Alert a = TestAlerts.hostile(10);
        TelegramFormat.Message m = TelegramFormat.render(a);
        assertThat(m.truncated()).isFalse();
        String shown = MarkdownV2Parser.parse(m.text());
        assertThat(shown).contains("[Falco] [Error] Hostile [rule] *name*")
                .contains("proc.cmdline: sh -c 'echo *bold* _it_ [x](http://e) `c` <b>&amp;</b> \\n \\\\ ~!#+-=|{}.>' AAAAAAAAAA")
                .contains("proc.name: ev␁il\uFFFD␊name")
                .contains("Output: 13:44:05.478445995: Error Hostile \"quoted\" \\ value␊second line")
                .contains("Tags: a_b c.d ");
    }

    @Test
    void longMessagesAreCutVisiblyToTelegramsLimit() {
        Alert a = TestAlerts.hostile(10 * 1024);
        TelegramFormat.Message m = TelegramFormat.render(a);
        assertThat(m.truncated()).isTrue();
        assertThat(m.text().length()).isLessThanOrEqualTo(TelegramFormat.LIMIT).isGreaterThan(TelegramFormat.LIMIT - 200);
        String shown = MarkdownV2Parser.parse(m.text());
        assertThat(shown).contains("AAAA…").endsWith("✂ cut to fit Telegram's 4096-character limit; the full alert is in Falconet (uuid " + a.uuid() + ")");
        assertThat(shown).contains("Hostname: host-1.example").contains("Fields:");
    }

    @Test
    void tooManyFieldsAreCountedNotDropped() {
        Map<String, Object> f = new TreeMap<>();
        for (int i = 0; i < 600; i++) f.put(String.format("field.number%03d", i), "value-" + i);
        Alert a = new Alert(TestAlerts.TIME, "Many fields", Priority.NOTICE, "syscall", List.of(), "h", "out", "out", f, "uuid-many");
        TelegramFormat.Message m = TelegramFormat.render(a);
        assertThat(m.truncated()).isTrue();
        assertThat(m.text().length()).isLessThanOrEqualTo(TelegramFormat.LIMIT);
        assertThat(MarkdownV2Parser.parse(m.text())).containsPattern("… \\d+ more fields").contains("field.number000").contains("uuid uuid-many");
    }

    @Test
    void goFormatsTimesAndValuesAsFalcosidekickPrintsThem() {
        assertThat(TelegramFormat.goTime(TestAlerts.TIME)).isEqualTo("2023-05-25 13:44:05.478445995 +0000 UTC");
        assertThat(TelegramFormat.goTime(TestAlerts.TIME - 995)).isEqualTo("2023-05-25 13:44:05.478445 +0000 UTC");
        assertThat(TelegramFormat.goValue(null)).isEqualTo("<nil>");
        assertThat(TelegramFormat.goValue(List.of("a", 1L))).isEqualTo("[a 1]");
        assertThat(TelegramFormat.goValue(Map.of("b", true, "a", -1L))).isEqualTo("map[a:-1 b:true]");
    }

    @Test
    void plainFallbackHasNoMarkup() {
        String text = TelegramFormat.render(TestAlerts.hostile(5), TelegramFormat.Markup.PLAIN, "notice").text();
        assertThat(text).startsWith("notice\n[Falco] [Error] Hostile [rule] *name*\n").contains("Output: 13:44:05");
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = TelegramFormatTest.class.getResourceAsStream("/telegram/" + name)) {
            assertThat(in).as("golden file " + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
