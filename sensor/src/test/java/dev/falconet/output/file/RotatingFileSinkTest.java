package dev.falconet.output.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falconet.output.AlertFormats;
import dev.falconet.output.TestAlerts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RotatingFileSinkTest {
    @TempDir
    Path dir;

    @Test
    void rotatesBySizeAndKeepsTheConfiguredNumberOfFiles() throws Exception {
        Path f = dir.resolve("alerts.log");
        RotatingFileSink sink = new RotatingFileSink(f, false, 1024, 2);
        for (int i = 0; i < 60; i++) sink.accept(TestAlerts.numbered(i));
        sink.close();
        assertThat(f).exists();
        assertThat(f.resolveSibling("alerts.log.1")).exists();
        assertThat(f.resolveSibling("alerts.log.2")).exists();
        assertThat(f.resolveSibling("alerts.log.3")).doesNotExist();
        for (Path p : List.of(f, f.resolveSibling("alerts.log.1"), f.resolveSibling("alerts.log.2"))) {
            assertThat(Files.size(p)).isLessThanOrEqualTo(1024);
        }
        List<String> newest = Files.readAllLines(f);
        assertThat(newest.getLast()).isEqualTo(AlertFormats.text(TestAlerts.numbered(59)));
        List<String> older = Files.readAllLines(f.resolveSibling("alerts.log.1"));
        int firstNewest = Integer.parseInt(newest.getFirst().replaceAll(".*alert number ", ""));
        assertThat(older.getLast()).endsWith("alert number " + (firstNewest - 1));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
    }

    @Test
    void writesJsonLinesWhenAsked() throws Exception {
        Path f = dir.resolve("sub/alerts.json");
        RotatingFileSink sink = new RotatingFileSink(f, true, 1 << 20, 1);
        sink.accept(TestAlerts.readSensitiveFile());
        sink.close();
        assertThat(Files.readAllLines(f)).containsExactly(AlertFormats.json(TestAlerts.readSensitiveFile()));
    }
}
