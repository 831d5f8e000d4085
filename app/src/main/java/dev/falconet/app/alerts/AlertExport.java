package dev.falconet.app.alerts;

import dev.falconet.output.Alert;
import dev.falconet.output.AlertFormats;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Exports alerts as Falco's JSON alerts, one per line (what {@code json_output: true} prints). */
public final class AlertExport {
    private AlertExport() {}

    public static void writeJsonLines(List<Alert> alerts, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Alert a : alerts) w.append(AlertFormats.json(a)).append('\n');
        }
    }
}
