package dev.falconet.lab.sensor;

import dev.falconet.lab.LabException;
import dev.falconet.lab.process.ToolLocator;
import dev.falconet.output.Alert;
import dev.falconet.output.TokenFile;
import dev.falconet.output.http.AlertReceiver;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Our sensor on this machine, as its own privileged process, feeding the app without the app being root.
 *
 * <p>Stages: a random token goes to an owner-only file ({@link TokenFile}); an {@link AlertReceiver} listens on
 * 127.0.0.1 (a free port) and accepts only requests bearing that token; the sensor is started through
 * {@code pkexec} (or {@code sudo -n}, or directly when the app already is root) with
 * {@code --http-url http://127.0.0.1:PORT/ --http-token-file FILE --stop-on-eof --stats 2s}, so its alerts
 * come back as Falco JSON over loopback; its stderr (READY, stats, notices) is read line by line. Closing
 * stops it by closing its standard input: a root process cannot be signalled by the user who started it.
 */
public final class HostSensor implements AutoCloseable, RulesTarget {
    /** Interval of the sensor's stats lines. */
    public static final String STATS_INTERVAL = "2s";

    /** What the running sensor reports. Called from background threads. */
    public interface Listener {
        void alert(Alert alert);

        /** The sensor attached its probe and runs. */
        void ready(String line);

        void stats(SensorStatsLine stats);

        /** Any other line the sensor printed (notices, errors, the summary). */
        void notice(String line);

        /** The process ended (exit code; 126/127 from pkexec when authorisation was refused or failed). */
        void exited(int code);
    }

    private final AlertReceiver receiver;
    private final Process process;
    private final List<String> command;
    /** The rules file the app may rewrite (loaded last), or null. */
    private final Path editable;

    private HostSensor(AlertReceiver receiver, Process process, List<String> command, Path editable) {
        this.receiver = receiver;
        this.process = process;
        this.command = command;
        this.editable = editable;
    }

    /**
     * How to get root for the sensor: nothing when already root, else {@code pkexec} (asks in a desktop
     * dialog), else {@code sudo -n} (works only without a password prompt).
     *
     * @throws LabException with the command to type in a terminal when neither is there
     */
    public static List<String> elevation(ToolLocator locator, boolean root) {
        if (root) return List.of();
        if (locator.find("pkexec").isPresent()) return List.of("pkexec");
        if (locator.find("sudo").isPresent()) return List.of("sudo", "-n");
        throw new LabException("the sensor needs root, and neither pkexec nor sudo is installed: install polkit (pkexec), "
                + "or start the sensor yourself as root");
    }

    /** The sensor's command line (without the elevation prefix). */
    public static List<String> command(Path launcher, List<Path> rules, int port, Path tokenFile) {
        List<String> cmd = new ArrayList<>(List.of(launcher.toAbsolutePath().toString(), "sensor", "--no-stdout",
                "--http-url", "http://127.0.0.1:" + port + "/", "--http-token-file", tokenFile.toAbsolutePath().toString(),
                "--stop-on-eof", "--stats", STATS_INTERVAL));
        for (Path r : rules) cmd.addAll(List.of("-r", r.toAbsolutePath().toString()));
        return cmd;
    }

    /**
     * Starts the receiver, then the sensor.
     *
     * @param elevation {@link #elevation} (the prefix that makes the sensor root)
     * @param launcher  the {@code falconet} launcher
     * @param tokenFile where the token is written (mode 0600)
     * @throws LabException when the receiver cannot listen or the process cannot start
     */
    public static HostSensor start(List<String> elevation, Path launcher, List<Path> rules, Path tokenFile, Listener listener) {
        return start(elevation, launcher, rules, null, tokenFile, listener);
    }

    /**
     * {@link #start(List, Path, List, Path, Listener)} with one more rules file, loaded last, that {@link #apply}
     * rewrites; created with only a comment when missing.
     *
     * @param editable the app's own rules file (null for none)
     */
    public static HostSensor start(List<String> elevation, Path launcher, List<Path> rules, Path editable, Path tokenFile,
                                   Listener listener) {
        if (editable != null) {
            try {
                if (!Files.exists(editable)) {
                    Files.createDirectories(editable.toAbsolutePath().getParent());
                    Files.writeString(editable, EMPTY_RULES);
                }
            } catch (IOException e) {
                throw new LabException("cannot create the editor's rules file " + editable + ": " + e.getMessage());
            }
            rules = new ArrayList<>(rules);
            rules.add(editable);
        }
        AlertReceiver receiver;
        try {
            String token = TokenFile.create(tokenFile);
            receiver = AlertReceiver.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), token, listener::alert);
        } catch (IOException e) {
            throw new LabException("cannot open the loopback alert stream: " + e.getMessage());
        }
        List<String> cmd = new ArrayList<>(elevation);
        cmd.addAll(command(launcher, rules, receiver.address().getPort(), tokenFile));
        Process p;
        try {
            p = new ProcessBuilder(cmd).start();
        } catch (IOException e) {
            receiver.close();
            throw new LabException("cannot start the sensor (" + String.join(" ", cmd) + "): " + e.getMessage());
        }
        HostSensor s = new HostSensor(receiver, p, cmd, editable);
        Thread.ofVirtual().name("falconet-sensor-stdout").start(() -> readLines(p.getInputStream(), listener));
        Thread.ofVirtual().name("falconet-sensor-stderr").start(() -> {
            readLines(p.getErrorStream(), listener);
            try {
                listener.exited(p.waitFor());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return s;
    }

    private static void readLines(InputStream in, Listener listener) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                var stats = SensorStatsLine.parse(line);
                if (stats.isPresent()) listener.stats(stats.get());
                else if (line.contains("READY")) listener.ready(line);
                else if (!line.isBlank()) listener.notice(line);
            }
        } catch (IOException e) {
            // the process ended: exited() reports it
        }
    }

    /** What the editor's rules file holds before anything is applied. */
    static final String EMPTY_RULES = "# rules applied from the app's Rules page (Apply to sensor)\n[]\n";

    /**
     * Replaces the editor's rules file (written aside, then moved over it, so the sensor never reads half a file)
     * and sends {@code reload} on the sensor's standard input.
     */
    @Override
    public void apply(String rulesText) {
        if (editable == null) throw new LabException("this sensor was started without an editable rules file");
        try {
            Path tmp = editable.resolveSibling(editable.getFileName() + ".tmp");
            Files.writeString(tmp, rulesText);
            Files.move(tmp, editable, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new LabException("cannot write " + editable + ": " + e.getMessage());
        }
        try {
            var in = process.getOutputStream();
            in.write("reload\n".getBytes(StandardCharsets.UTF_8));
            in.flush();
        } catch (IOException e) {
            throw new LabException("the sensor no longer reads its input (" + e.getMessage() + "); start it again");
        }
    }

    /** The command as started (shown to the user). */
    public String commandLine() {
        return command.stream().map(a -> a.contains(" ") ? "'" + a + "'" : a).collect(Collectors.joining(" "));
    }

    /** The loopback port the alerts arrive on. */
    public int port() {
        return receiver.address().getPort();
    }

    /** Requests refused by the receiver (wrong or missing token). */
    public long rejected() {
        return receiver.rejected();
    }

    public boolean running() {
        return process.isAlive();
    }

    /** Stops the sensor (end of its input, then a kill where allowed) and the receiver. */
    @Override
    public void close() {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // already gone
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
        }
        receiver.close();
    }
}
