package dev.falconet.scenario.tools;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ScenarioToolsTest {
    @TempDir
    Path tmp;

    private static boolean ccWorks() {
        try {
            Process p = new ProcessBuilder("cc", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    private static String run(Path bin) throws Exception {
        Process p = new ProcessBuilder(bin.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    @Test
    void namesFindsEveryTokenOnce() {
        assertThat(ScenarioTools.names(List.of("{tool:anti-debug}", "x {tool:memfd-exec} {tool:anti-debug}", "{tool:Bad}", "plain")))
                .containsExactly("anti-debug", "memfd-exec");
    }

    @Test
    void argumentsWithoutTokensAreKeptAsTheyAre() throws Exception {
        ScenarioTools t = new ScenarioTools(tmp.resolve("src"), tmp.resolve("cache"), "cc");
        assertThat(t.resolve(List.of("cat", "/etc/shadow", "{notatool}"))).containsExactly("cat", "/etc/shadow", "{notatool}");
        assertThat(tmp.resolve("cache")).doesNotExist();
    }

    @Test
    void aMissingSourceNamesTheFile() {
        ScenarioTools t = new ScenarioTools(tmp.resolve("src"), tmp.resolve("cache"), "cc");
        assertThatThrownBy(() -> t.resolve("{tool:nope}"))
                .isInstanceOf(ScenarioTools.ToolException.class)
                .hasMessageContaining("no tool 'nope'").hasMessageContaining("nope.c does not exist");
    }

    @Test
    void aMissingCompilerSaysWhatToInstall() throws Exception {
        Files.createDirectories(tmp.resolve("src"));
        Files.writeString(tmp.resolve("src/hello.c"), "int main(void){return 0;}\n");
        ScenarioTools t = new ScenarioTools(tmp.resolve("src"), tmp.resolve("cache"), "no-such-cc-" + System.nanoTime());
        assertThatThrownBy(() -> t.build("hello"))
                .isInstanceOf(ScenarioTools.ToolException.class)
                .hasMessageContaining("is not installed").hasMessageContaining("gcc libc6-dev");
    }

    @Test
    void compilesOnceAndAgainWhenTheSourceChanges() throws Exception {
        assumeTrue(ccWorks(), "no C compiler: tool build test skipped");
        Path src = Files.createDirectories(tmp.resolve("src"));
        Files.writeString(src.resolve("hello.c"), "#include <stdio.h>\nint main(void){puts(\"one\");return 0;}\n");
        ScenarioTools t = new ScenarioTools(src, tmp.resolve("cache"), "cc");
        String line = t.resolve("{tool:hello} --flag");
        Path bin = tmp.resolve("cache/hello").toAbsolutePath();
        assertThat(line).isEqualTo(bin + " --flag");
        assertThat(run(bin)).isEqualTo("one\n");
        FileTime built = Files.getLastModifiedTime(bin);
        assertThat(t.build("hello")).isEqualTo(bin);
        assertThat(Files.getLastModifiedTime(bin)).isEqualTo(built);

        Files.writeString(src.resolve("hello.c"), "#include <stdio.h>\nint main(void){puts(\"two\");return 0;}\n");
        Files.setLastModifiedTime(src.resolve("hello.c"), FileTime.from(built.toInstant().plusSeconds(5)));
        t.build("hello");
        assertThat(run(bin)).isEqualTo("two\n");
    }

    @Test
    void aCompileErrorIsReportedWithTheCompilersMessage() throws Exception {
        assumeTrue(ccWorks(), "no C compiler: tool build test skipped");
        Path src = Files.createDirectories(tmp.resolve("src"));
        Files.writeString(src.resolve("broken.c"), "int main(void){ return undefined_name; }\n");
        ScenarioTools t = new ScenarioTools(src, tmp.resolve("cache"), "cc");
        assertThatThrownBy(() -> t.build("broken"))
                .isInstanceOf(ScenarioTools.ToolException.class)
                .hasMessageContaining("building tool 'broken' failed").hasMessageContaining("undefined_name");
        assertThat(tmp.resolve("cache/broken")).doesNotExist();
    }

    @Test
    void theRepositoryToolsBuild() throws Exception {
        assumeTrue(ccWorks(), "no C compiler: tool build test skipped");
        Path repoTools = null;
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent())
            if (Files.isDirectory(d.resolve("scenarios/tools"))) {
                repoTools = d.resolve("scenarios/tools");
                break;
            }
        assumeTrue(repoTools != null, "scenarios/tools not found above " + Path.of("").toAbsolutePath());
        ScenarioTools t = new ScenarioTools(repoTools, tmp.resolve("cache"), "cc");
        assertThat(run(t.build("anti-debug"))).contains("no debugger");
        Path memfd = t.build("memfd-exec");
        Process p = new ProcessBuilder(memfd.toString(), "/bin/echo", "from memory").redirectErrorStream(true).start();
        assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("from memory\n");
        assertThat(p.waitFor()).isZero();
    }
}
