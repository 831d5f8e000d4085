package dev.falconet.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.falconet.output.http.AlertReceiver;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The token file the app hands to a privileged sensor, and --http-token-file reading it. */
class TokenFileTest {
    @TempDir
    Path dir;

    @Command(name = "holder")
    static final class Holder {
        @Mixin
        OutputOptions outputs = new OutputOptions();
    }

    @Test
    void aNewTokenFileIsOwnerOnlyAndReadsBack() throws Exception {
        Path f = dir.resolve("sub/stream.token");
        String token = TokenFile.create(f);
        assertThat(token).hasSize(64).matches("[0-9a-f]+");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
        assertThat(TokenFile.read(f, "--http-token-file")).isEqualTo(token);
        assertThat(TokenFile.create(f)).isNotEqualTo(token);
    }

    @Test
    void aFileOthersCanReadOrAnEmptyOneIsRefusedWithTheFix() throws Exception {
        Path f = dir.resolve("t");
        Files.writeString(f, "secret\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> TokenFile.read(f, "--http-token-file")).hasMessageContaining("can be read by others")
                .hasMessageContaining("chmod 600 " + f);
        Files.writeString(f, "  \n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        assertThatThrownBy(() -> TokenFile.read(f, "--http-token-file")).hasMessageContaining("is empty");
        assertThatThrownBy(() -> TokenFile.read(dir.resolve("none"), "--http-token-file")).hasMessageContaining("no such file");
    }

    @Test
    void httpOutputPresentsTheTokenFromTheFileToALoopbackReceiver() throws Exception {
        Path f = dir.resolve("stream.token");
        String token = TokenFile.create(f);
        List<Alert> received = new CopyOnWriteArrayList<>();
        AlertSink collect = received::add;
        try (AlertReceiver receiver = AlertReceiver.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), token, collect)) {
            String url = "http://127.0.0.1:" + receiver.address().getPort() + "/";
            for (String tokenFile : new String[] {f.toString(), null}) {
                Holder h = new Holder();
                if (tokenFile != null) new CommandLine(h).parseArgs("--no-stdout", "--http-url", url, "--http-token-file", tokenFile);
                else new CommandLine(h).parseArgs("--no-stdout", "--http-url", url, "--http-token", "wrong");
                PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
                try (Outputs outputs = h.outputs.open(quiet, quiet, Map.of())) {
                    outputs.accept(TestAlerts.readSensitiveFile());
                }
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (receiver.rejected() == 0 && System.nanoTime() < deadline) Thread.sleep(20);
            assertThat(received).extracting(Alert::rule).containsExactly(TestAlerts.readSensitiveFile().rule());
            assertThat(receiver.accepted()).isEqualTo(1);
            assertThat(receiver.rejected()).isGreaterThanOrEqualTo(1);
        }
    }
}
