package dev.falconet.output;

import dev.falconet.output.file.RotatingFileSink;
import dev.falconet.output.http.HttpPostSink;
import dev.falconet.output.spool.Spool;
import dev.falconet.output.telegram.Backoff;
import dev.falconet.output.telegram.BotApiClient;
import dev.falconet.output.telegram.Pacer;
import dev.falconet.output.telegram.TelegramOptions;
import dev.falconet.output.telegram.TelegramSettings;
import dev.falconet.output.telegram.TelegramSink;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The output options {@code sensor}, {@code replay} and {@code receive} share (a picocli {@code @Mixin}).
 * Defaults live in the field initialisers, so {@code new OutputOptions()} works without picocli too.
 * {@link #open()} builds the {@link Outputs} fan-out: stdout (text or JSON), then a rotating file, an HTTP
 * POST and Telegram when configured. With no option set: Falco text lines on stdout.
 */
public final class OutputOptions {
    @Option(names = "--json", description = "Print Falco JSON alerts (one per line) on stdout instead of text lines; also the --file format.")
    boolean json;

    @Option(names = "--no-stdout", description = "Print no alerts on stdout (other outputs still get them).")
    boolean noStdout;

    @Option(names = "--delivery-status", description = "Also print every delivery status (queued, sending, sent, retrying, failed) of the "
            + "Telegram and HTTP outputs: JSON lines {\"delivery\":...} on stdout with --json, 'delivery: ...' lines on stderr otherwise.")
    boolean deliveryStatus;

    @Option(names = "--file", paramLabel = "PATH", description = "Also append alerts to this file (text lines, or JSON with --json), rotated by size.")
    Path file;

    @Option(names = "--file-max-size", paramLabel = "SIZE",
            description = "Rotate the file before it grows beyond this (bytes, or with K, M, G; default ${DEFAULT-VALUE}).")
    String fileMaxSize = "100M";

    @Option(names = "--file-keep", paramLabel = "N", description = "Rotated files to keep: PATH.1 .. PATH.N (default ${DEFAULT-VALUE}).")
    int fileKeep = 5;

    @Option(names = "--http-url", paramLabel = "URL",
            description = "Also POST each alert as Falco JSON to this URL, e.g. a falcosidekick at http://127.0.0.1:2801/ (env FALCONET_HTTP_URL).")
    String httpUrl;

    @Option(names = "--http-token", paramLabel = "TOKEN",
            description = "Bearer token for --http-url, e.g. for a 'falconet receive' beyond loopback (env FALCONET_HTTP_TOKEN).")
    String httpToken;

    @Option(names = "--http-token-file", paramLabel = "FILE",
            description = "Read the bearer token for --http-url from this file, which only its owner may read (chmod 600): "
                    + "how the app hands its token to a sensor started with pkexec or sudo, without showing it in the process list.")
    Path httpTokenFile;

    @Mixin
    TelegramOptions telegram = new TelegramOptions();

    @Option(names = "--spool", paramLabel = "DIR",
            description = "Directory where Telegram alerts wait until delivered (env FALCONET_SPOOL; default $XDG_DATA_HOME/falconet/spool).")
    Path spool;

    @Option(names = "--spool-max", paramLabel = "N",
            description = "Undelivered Telegram alerts kept at most; newer ones are then refused and logged (default ${DEFAULT-VALUE}).")
    long spoolMax = 100_000;

    @Option(names = "--drain-timeout", paramLabel = "SECONDS",
            description = "On exit, wait this long for queued deliveries (the rest stays in the spool; default ${DEFAULT-VALUE}).")
    int drainSeconds = 10;

    /** Builds the outputs on {@code System.out}/{@code System.err} with the process environment. */
    public Outputs open() {
        return open(System.out, System.err, System.getenv());
    }

    /** {@link #open(PrintStream, PrintStream, Map)} with delivery text lines on {@code System.err}. */
    public Outputs open(PrintStream out, Map<String, String> env) {
        return open(out, System.err, env);
    }

    /**
     * Builds the outputs: stdout (text or JSON) unless {@code --no-stdout}, then every configured output.
     *
     * @param out where alert lines go
     * @param err where readable delivery lines go ({@code --delivery-status} without {@code --json})
     * @param env the environment ({@code FALCONET_*} variables)
     * @throws OutputConfigException when a setting cannot work; the message says which and how to fix it
     */
    public Outputs open(PrintStream out, PrintStream err, Map<String, String> env) {
        DeliveryEvents events = new DeliveryEvents();
        List<AlertSink> sinks = new ArrayList<>();
        long maxFileBytes = parseSize(fileMaxSize); // checked even without --file: a typo should not pass silently
        try {
            if (!noStdout) sinks.add(new StreamSink(out, json));
            if (deliveryStatus) events.subscribe(json ? new StreamSink(out, true) : new StreamSink(err, false));
            if (file != null) sinks.add(new RotatingFileSink(file, json, maxFileBytes, fileKeep));
            Duration drain = Duration.ofSeconds(Math.max(0, drainSeconds));
            String url = firstNonBlank(httpUrl, env.get("FALCONET_HTTP_URL"));
            if (url != null) {
                String token = httpTokenFile != null ? TokenFile.read(httpTokenFile, "--http-token-file")
                        : firstNonBlank(httpToken, env.get("FALCONET_HTTP_TOKEN"));
                sinks.add(new HttpPostSink(httpUri(url), token, events, 10_000,
                        Duration.ofSeconds(1), drain).start());
            }
            Optional<TelegramSettings> tg = telegram.resolve(env);
            if (tg.isPresent()) sinks.add(telegramSink(tg.get(), env, events, drain));
        } catch (RuntimeException e) {
            new Outputs(sinks, events).close();
            throw e;
        }
        return new Outputs(sinks, events);
    }

    /** True when alerts are printed as Falco JSON. */
    public boolean json() {
        return json;
    }

    /** The spool directory for {@code env}: --spool, FALCONET_SPOOL, or $XDG_DATA_HOME/falconet/spool. */
    public Path spoolDir(Map<String, String> env) {
        if (spool != null) return spool;
        String s = env.get("FALCONET_SPOOL");
        if (s != null && !s.isBlank()) return Path.of(s);
        String data = env.get("XDG_DATA_HOME");
        Path base = data != null && !data.isBlank() ? Path.of(data) : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("falconet").resolve("spool");
    }

    private TelegramSink telegramSink(TelegramSettings s, Map<String, String> env, DeliveryEvents events, Duration drain) {
        // one queue per destination: alerts for another chat or topic never wait behind this one
        String name = "telegram-" + s.chatId().replace('@', '_') + (s.threadId() == null ? "" : "-topic-" + s.threadId());
        Path dir = spoolDir(env).resolve(name);
        if (spoolMax < 1) throw new OutputConfigException("--spool-max must be at least 1");
        Spool sp;
        try {
            sp = Spool.open(dir, spoolMax);
        } catch (IOException e) {
            throw new OutputConfigException("--spool " + dir + ": cannot open the Telegram spool (" + e.getMessage()
                    + "); choose a writable directory with --spool");
        }
        return new TelegramSink(s, sp, new BotApiClient(s), events, Pacer.SYSTEM, Backoff.standard(), drain).start();
    }

    private static URI httpUri(String url) {
        try {
            URI u = new URI(url);
            if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme()) || u.getHost() == null) {
                throw new OutputConfigException("--http-url '" + url + "' must be an http:// or https:// URL, e.g. http://127.0.0.1:2801/");
            }
            return u;
        } catch (URISyntaxException e) {
            throw new OutputConfigException("--http-url '" + url + "' is not a URL: " + e.getReason());
        }
    }

    /** Parses {@code 100M}, {@code 512K}, {@code 1G} or a byte count. */
    static long parseSize(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        long mult = 1;
        if (t.endsWith("B")) t = t.substring(0, t.length() - 1);
        switch (t.isEmpty() ? ' ' : t.charAt(t.length() - 1)) {
            case 'K' -> mult = 1L << 10;
            case 'M' -> mult = 1L << 20;
            case 'G' -> mult = 1L << 30;
            default -> mult = 1;
        }
        if (mult > 1) t = t.substring(0, t.length() - 1);
        try {
            return Math.multiplyExact(Long.parseLong(t.trim()), mult);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new OutputConfigException("--file-max-size '" + text + "' is not a size like 100M, 512K or 1048576");
        }
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) return a.trim();
        return b != null && !b.isBlank() ? b.trim() : null;
    }
}
