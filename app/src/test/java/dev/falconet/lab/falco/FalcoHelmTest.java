package dev.falconet.lab.falco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.falconet.lab.FakeTools;
import dev.falconet.lab.LabException;
import dev.falconet.lab.LabLog;
import dev.falconet.lab.LabPaths;
import dev.falconet.lab.RecordingLog;
import dev.falconet.lab.TestPaths;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lab falco install|uninstall} against a scripted helm. */
class FalcoHelmTest {
    @TempDir
    Path dir;

    private final LabPaths paths = TestPaths.lab();

    @Test
    void installAddsTheRepoWhenMissingAndUsesTheLabValues() {
        var tools = new FakeTools(dir).recording("helm", """
                case "$1 $2" in
                  "repo list") echo "Error: no repositories to show" >&2; exit 1 ;;
                  "repo add") echo '"falcosecurity" has been added to your repositories' ;;
                  "repo update") echo 'Update Complete. ⎈Happy Helming!⎈' ;;
                  "upgrade --install") printf 'Release "falco" does not exist. Installing it now.\\nNAME: falco\\nSTATUS: deployed\\n' ;;
                esac""");
        var log = new RecordingLog(LabLog.SILENT);
        new FalcoHelm(tools.runner(), paths).install(new FalcoHelm.Telegram("123:secret", "-10042"), log);

        assertThat(tools.calls("helm")).containsExactly(
                "repo list",
                "repo add falcosecurity https://falcosecurity.github.io/charts",
                "repo update falcosecurity",
                "upgrade --install falco falcosecurity/falco --namespace falco --create-namespace -f "
                        + paths.falcoValues() + " --wait --timeout 10m"
                        + " --set-string falcosidekick.config.telegram.token=123:secret"
                        + " --set-string falcosidekick.config.telegram.chatid=-10042");
        // the token never shows in what the app displays
        assertThat(log.equivalents()).last().asString()
                .isEqualTo("helm upgrade --install falco falcosecurity/falco --namespace falco --create-namespace"
                        + " -f lab-manifests/falco/custom-values.yaml --wait --timeout 10m"
                        + " --set-string 'falcosidekick.config.telegram.token=<token>'"
                        + " --set-string falcosidekick.config.telegram.chatid=-10042");
        assertThat(String.join("\n", log.equivalents())).doesNotContain("secret");
    }

    @Test
    void installSkipsRepoAddWhenPresent() {
        var tools = new FakeTools(dir).recording("helm", """
                if [ "$1 $2" = "repo list" ]; then printf 'NAME         \\tURL\\nfalcosecurity\\thttps://falcosecurity.github.io/charts\\n'; fi""");
        new FalcoHelm(tools.runner(), paths).install(FalcoHelm.Telegram.NONE, LabLog.SILENT);
        assertThat(tools.calls("helm")).hasSize(3).doesNotContain("repo add falcosecurity https://falcosecurity.github.io/charts");
    }

    @Test
    void helmErrorsAreShownWithoutTheNoise() {
        var tools = new FakeTools(dir).script("helm", """
                if [ "$1 $2" = "upgrade --install" ]; then
                  echo 'Error: INSTALLATION FAILED: Kubernetes cluster unreachable: Get "https://192.168.49.2:8443/version": dial tcp 192.168.49.2:8443: connect: no route to host' >&2
                  exit 1
                fi""");
        assertThatThrownBy(() -> new FalcoHelm(tools.runner(), paths).install(FalcoHelm.Telegram.NONE, LabLog.SILENT))
                .isInstanceOf(LabException.class)
                .hasMessageStartingWith("helm install of Falco failed: Error: INSTALLATION FAILED: Kubernetes cluster unreachable");
    }

    @Test
    void uninstallOfANotInstalledFalcoSaysSo() {
        var tools = new FakeTools(dir).script("helm", "echo 'Error: uninstall: Release not loaded: falco: release: not found' >&2; exit 1");
        assertThatThrownBy(() -> new FalcoHelm(tools.runner(), paths).uninstall(LabLog.SILENT))
                .hasMessage("Falco is not installed (no helm release 'falco' in namespace falco)");
    }

    @Test
    void noHelmIsAClearMessage() {
        assertThatThrownBy(() -> new FalcoHelm(new FakeTools(dir).runner(), paths).install(FalcoHelm.Telegram.NONE, LabLog.SILENT))
                .hasMessageStartingWith("helm is not installed").hasMessageContaining("https://helm.sh/docs/intro/install/");
    }
}
