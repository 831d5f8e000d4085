package dev.falconet.app.cli;

import dev.falconet.cli.FalconetCli;
import dev.falconet.lab.falco.FalcoHelm;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code falconet lab falco install|uninstall}: the real Falco beside ours, via helm. */
@Command(name = "falco", mixinStandardHelpOptions = true,
        description = "Install or remove the real Falco (with falcosidekick and k8s-metacollector) using helm and "
                + "lab-manifests/falco/custom-values.yaml.",
        subcommands = {LabFalcoCommand.Install.class, LabFalcoCommand.Uninstall.class})
final class LabFalcoCommand implements Runnable {
    @CommandLine.ParentCommand
    LabCommand parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: install or uninstall");
    }

    @Command(name = "install", mixinStandardHelpOptions = true,
            description = {"helm upgrade --install falco falcosecurity/falco -n falco -f lab-manifests/falco/custom-values.yaml",
                    "The Telegram token and chat id default to $FALCONET_TELEGRAM_TOKEN and $FALCONET_TELEGRAM_CHAT_ID."})
    static final class Install implements Callable<Integer> {
        @CommandLine.ParentCommand
        LabFalcoCommand falco;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--telegram-token", defaultValue = "${env:FALCONET_TELEGRAM_TOKEN}",
                description = "Telegram bot token for falcosidekick (never printed).")
        String token;

        @Option(names = "--telegram-chat-id", defaultValue = "${env:FALCONET_TELEGRAM_CHAT_ID}",
                description = "Telegram chat id for falcosidekick.")
        String chatId;

        @Override
        public Integer call() {
            return falco.parent.execute(spec.commandLine(), false, (lab, log, out) -> {
                lab.installFalco(new FalcoHelm.Telegram(blankToNull(token), blankToNull(chatId)), log);
                out.println("Falco is installed in namespace falco.");
                return FalconetCli.EXIT_OK;
            });
        }
    }

    @Command(name = "uninstall", mixinStandardHelpOptions = true, description = "helm uninstall falco -n falco")
    static final class Uninstall implements Callable<Integer> {
        @CommandLine.ParentCommand
        LabFalcoCommand falco;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return falco.parent.execute(spec.commandLine(), false, (lab, log, out) -> {
                lab.uninstallFalco(log);
                out.println("Falco is removed.");
                return FalconetCli.EXIT_OK;
            });
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
