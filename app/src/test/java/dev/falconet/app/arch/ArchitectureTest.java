package dev.falconet.app.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The app's layering (docs/architecture.md, "The desktop app"): JavaFX and the UI libraries only
 * under {@code dev.falconet.app.ui}; view models (classes named {@code *ViewModel}) use JavaFX
 * properties and collections but no controls, scene graph, stage or application classes, so they
 * run in unit tests without a window.
 */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);
    private static final List<String> UI_LIBRARIES = List.of("javafx.", "atlantafx.", "org.fxmisc.", "org.reactfx.");
    private static final List<String> VIEW_MODEL_ALLOWED_JAVAFX = List.of("javafx.beans.", "javafx.collections.");

    @Test
    void onlyTheUiPackageUsesJavaFx() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path f : sources()) {
            String text = Files.readString(f);
            if (packageOf(text).startsWith("dev.falconet.app.ui")) continue;
            for (String imp : imports(text)) {
                if (UI_LIBRARIES.stream().anyMatch(imp::startsWith) || text.contains("javafx.")) offenders.add(f + ": " + imp);
            }
        }
        assertThat(offenders).as("JavaFX outside dev.falconet.app.ui").isEmpty();
    }

    @Test
    void viewModelsUseNoControlsSceneGraphOrStage() throws IOException {
        List<String> offenders = new ArrayList<>();
        int viewModels = 0;
        for (Path f : sources()) {
            if (!f.getFileName().toString().endsWith("ViewModel.java")) continue;
            viewModels++;
            String text = Files.readString(f);
            for (String imp : imports(text)) {
                boolean ui = UI_LIBRARIES.stream().anyMatch(imp::startsWith);
                if (ui && VIEW_MODEL_ALLOWED_JAVAFX.stream().noneMatch(imp::startsWith)) offenders.add(f + ": " + imp);
            }
            // fully qualified uses slip past an import scan
            Matcher m = Pattern.compile("javafx\\.(scene|stage|application|fxml)\\.").matcher(text);
            if (m.find()) offenders.add(f + ": " + m.group());
        }
        assertThat(viewModels).as("view models found").isGreaterThanOrEqualTo(6);
        assertThat(offenders).isEmpty();
    }

    @Test
    void viewModelsLiveInTheUiPackages() throws IOException {
        for (Path f : sources()) {
            if (f.getFileName().toString().endsWith("ViewModel.java")) {
                assertThat(packageOf(Files.readString(f))).as(f.toString()).startsWith("dev.falconet.app.ui.");
            }
        }
    }

    static List<Path> sources() throws IOException {
        try (Stream<Path> s = Files.walk(MAIN)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    static String packageOf(String text) {
        Matcher m = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE).matcher(text);
        return m.find() ? m.group(1) : "";
    }

    static List<String> imports(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = IMPORT.matcher(text);
        while (m.find()) out.add(m.group(1));
        return out;
    }
}
