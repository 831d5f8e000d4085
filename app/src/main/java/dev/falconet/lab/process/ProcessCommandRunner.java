package dev.falconet.lab.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs commands as real processes with {@link ProcessBuilder}: no TTY, stdin closed, stdout and stderr
 * read line by line on their own threads so a chatty tool never blocks.
 */
public final class ProcessCommandRunner implements CommandRunner {
    private final ToolLocator locator;
    private final Map<String, String> extraEnv;

    /**
     * @param locator  where programs are looked up; its PATH is also passed to the child (tools call each other)
     * @param extraEnv environment variables added for every child (e.g. {@code MINIKUBE_IN_STYLE=false})
     */
    public ProcessCommandRunner(ToolLocator locator, Map<String, String> extraEnv) {
        this.locator = locator;
        this.extraEnv = Map.copyOf(extraEnv);
    }

    /** A runner on this process's PATH. */
    public static ProcessCommandRunner system() {
        return new ProcessCommandRunner(ToolLocator.system(), Map.of());
    }

    @Override
    public ToolLocator locator() {
        return locator;
    }

    @Override
    public CommandResult run(ToolCommand command, Duration timeout, Consumer<String> lines) {
        var exe = locator.find(command.program())
                .orElseThrow(() -> new ToolNotFoundException(command.program(), locator.pathString()));
        var argv = new java.util.ArrayList<>(command.argv());
        argv.set(0, exe.toString());
        var pb = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().put("PATH", locator.pathString());
        pb.environment().putAll(extraEnv);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.display() + ": " + e.getMessage(), e);
        }
        var out = new StringBuilder();
        var err = new StringBuilder();
        Thread to = pump(p.getInputStream(), out, lines, command.program() + "-stdout");
        Thread te = pump(p.getErrorStream(), err, lines, command.program() + "-stderr");
        boolean finished;
        try {
            finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
            }
            to.join(2000);
            te.join(2000);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.display(), e);
        }
        String stdout, stderr;
        synchronized (out) { stdout = out.toString(); }
        synchronized (err) { stderr = err.toString(); }
        return new CommandResult(command, finished ? p.exitValue() : -1, stdout, stderr, !finished);
    }

    private static Thread pump(InputStream in, StringBuilder sink, Consumer<String> lines, String name) {
        return Thread.ofVirtual().name(name).start(() -> {
            try (var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (sink) { sink.append(line).append('\n'); }
                    lines.accept(line);
                }
            } catch (IOException ignored) {
                // the process was killed; what was read so far is kept
            }
        });
    }
}
