package dev.falconet.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The committed exercise captures are exactly what {@link ExerciseCaptureGenerator} writes: none edited by hand, none stale. */
class ExerciseCapturesInSyncTest {
    @Test
    void committedCapturesAreTheGeneratorsOutput() throws IOException {
        Path root = ExerciseCaptureGenerator.defaultRoot();
        Map<Path, byte[]> generated = ExerciseCaptureGenerator.render(root);
        List<Path> committed;
        try (Stream<Path> s = Files.walk(root)) {
            committed = s.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
        }
        String regenerate = "; regenerate with ExerciseCaptureGenerator (see its Javadoc) and commit";
        assertThat(committed).as("committed captures" + regenerate).containsExactlyInAnyOrderElementsOf(generated.keySet());
        for (Map.Entry<Path, byte[]> e : generated.entrySet()) {
            assertThat(Files.readString(e.getKey())).as(e.getKey() + regenerate)
                    .isEqualTo(new String(e.getValue(), StandardCharsets.UTF_8));
        }
    }
}
