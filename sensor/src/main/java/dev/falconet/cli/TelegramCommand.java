package dev.falconet.cli;

import dev.falconet.output.OutputConfigException;
import dev.falconet.output.telegram.TelegramCheck;
import dev.falconet.output.telegram.TelegramOptions;
import dev.falconet.output.telegram.TelegramSettings;
import dev.falconet.output.telegram.TelegramSettingsStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code falconet telegram ...}: Telegram set-up helpers. */
@Command(name = "telegram", mixinStandardHelpOptions = true,
        description = "Telegram output helpers.",
        subcommands = {TelegramCommand.Test.class},
        footer = {"", "Exit codes: 0 ok, 1 errors, 2 usage."})
public final class TelegramCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: try 'falconet telegram test --help'");
    }

    /** {@code falconet telegram test}: posts a test alert and explains any failure. */
    @Command(name = "test", mixinStandardHelpOptions = true,
            description = {"Check the bot token (getMe) and post a test alert to the chat (sendMessage).",
                    "Says precisely what is wrong: bad token (401), chat not found (400), bot removed (403),",
                    "network, TLS, timeout. Settings as for the Telegram output (options, FALCONET_TELEGRAM_*, --values)."},
            footer = {"", "Exit codes: 0 the message was posted, 1 it was not, 2 usage."})
    public static final class Test implements Callable<Integer> {
        @Mixin
        TelegramOptions telegram = new TelegramOptions();

        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10", description = "Connect and answer timeout (default ${DEFAULT-VALUE}).")
        int timeoutSeconds;

        @Option(names = "--save", paramLabel = "FILE", arity = "0..1", fallbackValue = "",
                description = "After a successful test, save the settings (token included) to FILE with mode 0600 "
                        + "(default $XDG_CONFIG_HOME/falconet/telegram.properties); use them later with --telegram-settings FILE.")
        String save;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        private final Map<String, String> env;

        public Test() {
            this(System.getenv());
        }

        Test(Map<String, String> env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            Optional<TelegramSettings> settings;
            try {
                settings = telegram.resolve(env);
            } catch (OutputConfigException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            if (settings.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "no Telegram settings: give --telegram-token and --telegram-chat-id "
                        + "(or FALCONET_TELEGRAM_TOKEN and FALCONET_TELEGRAM_CHAT_ID, or --values custom-values.yaml)");
            }
            TelegramCheck.Report report = TelegramCheck.run(settings.get(), Duration.ofSeconds(Math.max(1, timeoutSeconds)));
            var out = spec.commandLine().getOut();
            report.lines().forEach(out::println);
            if (!report.ok()) {
                out.println("FAILED");
                out.flush();
                return FalconetCli.EXIT_FINDINGS;
            }
            if (save != null) {
                Path file = save.isEmpty() ? TelegramSettingsStore.defaultPath(env) : Path.of(save);
                try {
                    TelegramSettingsStore.save(settings.get(), file);
                    out.println("saved to " + file + " (mode 0600); use it with --telegram-settings " + file);
                } catch (IOException e) {
                    spec.commandLine().getErr().println("falconet telegram test: cannot save " + file + ": " + e.getMessage());
                    return FalconetCli.EXIT_FINDINGS;
                }
            }
            out.println("OK");
            out.flush();
            return FalconetCli.EXIT_OK;
        }
    }
}
