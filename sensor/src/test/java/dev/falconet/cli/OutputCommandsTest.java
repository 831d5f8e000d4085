package dev.falconet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falconet.output.AlertFormats;
import dev.falconet.output.OutputOptions;
import dev.falconet.output.Outputs;
import dev.falconet.output.TestAlerts;
import dev.falconet.output.telegram.FakeBotApiAccess;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class OutputCommandsTest {
    @TempDir
    Path dir;

    @Command(name = "holder")
    static final class Holder {
        @Mixin
        OutputOptions outputs = new OutputOptions();
    }

    @Test
    void outputOptionsFanOutToStdoutFileAndTelegramWithDeliveryStatus() throws Exception {
        try (FakeBotApiAccess api = new FakeBotApiAccess()) {
            Holder h = new Holder();
            new CommandLine(h).parseArgs("--json", "--delivery-status", "--file", dir.resolve("alerts.json").toString(),
                    "--telegram-token", FakeBotApiAccess.TOKEN, "--telegram-chat-id", FakeBotApiAccess.CHAT,
                    "--telegram-api-url", api.url().toString(), "--telegram-rate", "0", "--spool", dir.resolve("spool").toString());
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            PrintStream ps = new PrintStream(buf, true, StandardCharsets.UTF_8);
            try (Outputs outputs = h.outputs.open(ps, ps, Map.of())) {
                outputs.accept(TestAlerts.readSensitiveFile());
                outputs.accept(TestAlerts.dropAndExecute());
            }
            assertThat(api.postedCount()).isEqualTo(2);
            String out = buf.toString(StandardCharsets.UTF_8);
            assertThat(out).contains(AlertFormats.json(TestAlerts.readSensitiveFile()) + System.lineSeparator())
                    .contains("{\"delivery\":{\"attempt\":1,\"message_id\":1,\"output\":\"telegram\",\"state\":\"sent\"")
                    .contains("\"uuid\":\"" + TestAlerts.dropAndExecute().uuid() + "\"");
            assertThat(Files.readAllLines(dir.resolve("alerts.json"))).hasSize(2);
            assertThat(dir.resolve("spool").resolve("telegram-" + FakeBotApiAccess.CHAT)).isDirectory();
        }
    }

    @Test
    void badOutputSettingsAreUsageErrorsWithTheFix() {
        StringWriter err = new StringWriter();
        CommandLine cl = FalconetCli.commandLine();
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("receive", "--listen", "127.0.0.1:0", "--telegram-token", "1:x", "--spool", dir.toString());
        assertThat(code).isEqualTo(FalconetCli.EXIT_USAGE);
        assertThat(err.toString()).contains("a bot token is set but no chat id").contains("--telegram-chat-id");

        err.getBuffer().setLength(0);
        code = cl.execute("receive", "--listen", "0.0.0.0:0");
        assertThat(code).isEqualTo(FalconetCli.EXIT_USAGE);
        assertThat(err.toString()).contains("set a bearer token with --token");

        err.getBuffer().setLength(0);
        code = cl.execute("receive", "--file-max-size", "lots");
        assertThat(code).isEqualTo(FalconetCli.EXIT_USAGE);
        assertThat(err.toString()).contains("--file-max-size 'lots' is not a size");
    }

    @Test
    void receiveFeedsPostedAlertsIntoTheOutputs() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(buf, true, StandardCharsets.UTF_8);
        CountDownLatch stop = new CountDownLatch(1);
        ReceiveCommand cmd = new ReceiveCommand(Map.of(), stop, ps, ps);
        Thread t = Thread.ofPlatform().start(() -> new CommandLine(cmd).execute("--listen", "127.0.0.1:0", "--json"));
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (cmd.bound() == null && System.nanoTime() < deadline) Thread.sleep(10);
        String alert = "{\"output\":\"13:44:05.478445995: Notice hello\",\"priority\":\"Notice\",\"rule\":\"R\","
                + "\"time\":\"2023-05-25T13:44:05.478445995Z\",\"output_fields\":{\"evt.time\":1685022245478445995},\"tags\":[]}";
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + cmd.bound().getPort() + "/"))
                    .POST(HttpRequest.BodyPublishers.ofString(alert)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
        }
        stop.countDown();
        t.join(10_000);
        assertThat(buf.toString(StandardCharsets.UTF_8))
                .contains("listening on http://127.0.0.1:")
                .contains("{\"hostname\":\"\",\"output\":\"13:44:05.478445995: Notice hello\",\"output_fields\":{\"evt.time\":1685022245478445995},"
                        + "\"priority\":\"Notice\",\"rule\":\"R\",\"source\":\"syscalls\",\"tags\":[],\"time\":\"2023-05-25T13:44:05.478445995Z\",\"uuid\":\"")
                .contains("stopped after 1 alert(s)");
    }

    @Test
    void telegramTestReportsSuccessAndFailure() throws Exception {
        try (FakeBotApiAccess api = new FakeBotApiAccess()) {
            StringWriter out = new StringWriter();
            CommandLine cl = FalconetCli.commandLine();
            cl.setOut(new PrintWriter(out));
            int code = cl.execute("telegram", "test", "--telegram-token", FakeBotApiAccess.TOKEN, "--telegram-chat-id", FakeBotApiAccess.CHAT,
                    "--telegram-api-url", api.url().toString(), "--save", dir.resolve("tg.properties").toString());
            assertThat(code).isZero();
            assertThat(out.toString()).contains("token ok: bot @falconet_test_bot").contains("chat ok: test message 1").endsWith("OK" + System.lineSeparator())
                    .doesNotContain(FakeBotApiAccess.TOKEN);
            assertThat(dir.resolve("tg.properties")).exists();

            out.getBuffer().setLength(0);
            code = cl.execute("telegram", "test", "--telegram-settings", dir.resolve("tg.properties").toString(), "--telegram-chat-id", "-42");
            assertThat(code).isEqualTo(FalconetCli.EXIT_FINDINGS);
            assertThat(out.toString()).contains("chat not found").contains("FAILED");
        }
        StringWriter err = new StringWriter();
        CommandLine cl = FalconetCli.commandLine();
        cl.setErr(new PrintWriter(err));
        assertThat(cl.execute("telegram", "test")).isEqualTo(FalconetCli.EXIT_USAGE);
        assertThat(err.toString()).contains("no Telegram settings");
    }
}
