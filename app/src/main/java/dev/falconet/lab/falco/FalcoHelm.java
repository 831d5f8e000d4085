package dev.falconet.lab.falco;

import dev.falconet.lab.LabException;
import dev.falconet.lab.LabLog;
import dev.falconet.lab.LabPaths;
import dev.falconet.lab.process.CommandResult;
import dev.falconet.lab.process.CommandRunner;
import dev.falconet.lab.process.ToolCommand;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Installs and removes the real Falco (with falcosidekick and k8s-metacollector) with helm, using
 * {@code lab-manifests/falco/custom-values.yaml}, so students can compare its alerts with ours.
 */
public final class FalcoHelm {
    public static final String RELEASE = "falco";
    public static final String NAMESPACE = "falco";
    public static final String REPO_NAME = "falcosecurity";
    /** The Falco project's chart repository (the one the Falco documentation tells to add). */
    public static final String REPO_URL = "https://falcosecurity.github.io/charts";
    public static final String CHART = REPO_NAME + "/falco";
    static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(10);
    static final Duration SHORT_TIMEOUT = Duration.ofMinutes(2);

    /** Telegram settings passed with {@code --set-string}; null fields are left to the values file. */
    public record Telegram(String token, String chatId) {
        public static final Telegram NONE = new Telegram(null, null);
    }

    private final CommandRunner runner;
    private final LabPaths paths;

    public FalcoHelm(CommandRunner runner, LabPaths paths) {
        this.runner = runner;
        this.paths = paths;
    }

    /** Adds the chart repository when missing, then installs or upgrades the release and waits for it. */
    public void install(Telegram telegram, LabLog log) {
        requireHelm();
        if (!Files.isRegularFile(paths.falcoValues())) {
            throw new LabException("missing " + paths.display(paths.falcoValues()) + ": the Falco values file of the lab");
        }
        ensureRepo(log);
        var argv = new ArrayList<>(List.of("helm", "upgrade", "--install", RELEASE, CHART,
                "--namespace", NAMESPACE, "--create-namespace", "-f", paths.falcoValues().toString(), "--wait",
                "--timeout", INSTALL_TIMEOUT.toMinutes() + "m"));
        var shown = new ArrayList<>(argv);
        shown.set(shown.indexOf(paths.falcoValues().toString()), paths.display(paths.falcoValues()));
        if (telegram.token() != null) {
            argv.addAll(List.of("--set-string", "falcosidekick.config.telegram.token=" + telegram.token()));
            shown.addAll(List.of("--set-string", "falcosidekick.config.telegram.token=<token>"));
        }
        if (telegram.chatId() != null) {
            argv.addAll(List.of("--set-string", "falcosidekick.config.telegram.chatid=" + telegram.chatId()));
            shown.addAll(List.of("--set-string", "falcosidekick.config.telegram.chatid=" + telegram.chatId()));
        }
        log.equivalent(new ToolCommand(shown).display());
        CommandResult r = runner.run(new ToolCommand(argv), INSTALL_TIMEOUT.plusMinutes(1), log::progress);
        fail("helm install of Falco", r);
        log.progress("Falco is installed in namespace " + NAMESPACE + "; its alerts: kubectl logs -n " + NAMESPACE
                + " -l app.kubernetes.io/name=falco -c falco -f");
    }

    /** Removes the release; says so when it was not installed. */
    public void uninstall(LabLog log) {
        requireHelm();
        ToolCommand cmd = ToolCommand.of("helm", "uninstall", RELEASE, "--namespace", NAMESPACE, "--wait");
        log.equivalent(cmd.display());
        CommandResult r = runner.run(cmd, SHORT_TIMEOUT, log::progress);
        if (!r.ok() && r.combinedOutput().contains("not found")) {
            throw new LabException("Falco is not installed (no helm release '" + RELEASE + "' in namespace " + NAMESPACE + ")");
        }
        fail("helm uninstall of Falco", r);
    }

    private void ensureRepo(LabLog log) {
        CommandResult list = runner.run(ToolCommand.of("helm", "repo", "list"), SHORT_TIMEOUT);
        boolean present = list.ok() && list.stdout().lines().anyMatch(l -> l.split("\\s+")[0].equals(REPO_NAME));
        if (!present) {
            ToolCommand add = ToolCommand.of("helm", "repo", "add", REPO_NAME, REPO_URL);
            log.equivalent(add.display());
            fail("adding the Falco chart repository", runner.run(add, SHORT_TIMEOUT, log::progress));
        }
        ToolCommand update = ToolCommand.of("helm", "repo", "update", REPO_NAME);
        log.equivalent(update.display());
        fail("updating the Falco chart repository", runner.run(update, SHORT_TIMEOUT, log::progress));
    }

    /** Fails with an install hint when helm is not on the PATH. */
    public void requireHelm() {
        if (runner.locator().find("helm").isEmpty()) {
            throw new LabException("helm is not installed, and the real Falco is installed with it. Install helm 3: "
                    + "https://helm.sh/docs/intro/install/ (our own sensor does not need it: 'falconet lab deploy')");
        }
    }

    private static void fail(String what, CommandResult r) {
        if (r.timedOut()) throw new LabException(what + " did not finish in time");
        if (r.exitCode() != 0) {
            String out = r.combinedOutput();
            String err = out.lines().filter(l -> l.startsWith("Error:")).findFirst().orElse(out);
            throw new LabException(what + " failed: " + err);
        }
    }
}
