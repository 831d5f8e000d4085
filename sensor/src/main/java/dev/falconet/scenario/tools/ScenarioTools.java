package dev.falconet.scenario.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The small C programs of {@code scenarios/tools/} that make syscalls no packaged tool makes
 * (ptrace(PTRACE_TRACEME), an exec from a memfd). A step names one as {@code {tool:NAME}} in its
 * {@code run:} argv or {@code shell:} line; {@link #resolve} replaces the token with the path of the
 * program, compiling {@code scenarios/tools/NAME.c} with {@code cc -O2 -static} the first time (and again
 * whenever the source is newer than the binary). Static, so the same file also runs in a container.
 */
public final class ScenarioTools {
    /** {@code {tool:anti-debug}}: a tool's name is lowercase letters, digits and dashes. */
    public static final Pattern TOKEN = Pattern.compile("\\{tool:([a-z0-9][a-z0-9-]*)}");
    private static final long COMPILE_TIMEOUT_SECONDS = 120;

    private final Path sources;
    private final Path cache;
    private final String compiler;

    /**
     * @param sources  the directory with the {@code NAME.c} files ({@code <repo>/scenarios/tools})
     * @param cache    where the binaries are written (created when missing)
     * @param compiler the C compiler command, normally {@code cc}
     */
    public ScenarioTools(Path sources, Path cache, String compiler) {
        this.sources = sources;
        this.cache = cache;
        this.compiler = compiler;
    }

    /** The tools of a repository, built into {@code $XDG_CACHE_HOME/falconet/scenario-tools} (or ~/.cache/...). */
    public static ScenarioTools forRepository(Path repoRoot) {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return new ScenarioTools(repoRoot.resolve("scenarios").resolve("tools"), base.resolve("falconet").resolve("scenario-tools"), "cc");
    }

    /** The tool names used in these arguments (for a precondition check before anything runs). */
    public static Set<String> names(List<String> args) {
        Set<String> out = new LinkedHashSet<>();
        for (String a : args) {
            Matcher m = TOKEN.matcher(a);
            while (m.find()) out.add(m.group(1));
        }
        return out;
    }

    /** The source file of a tool. */
    public Path source(String name) {
        return sources.resolve(name + ".c");
    }

    /** The arguments with every {@code {tool:NAME}} replaced by the built program's absolute path. */
    public List<String> resolve(List<String> args) throws ToolException {
        List<String> out = new ArrayList<>(args.size());
        for (String a : args) out.add(resolve(a));
        return out;
    }

    /** One argument (or a shell line) with its tool tokens replaced. */
    public String resolve(String arg) throws ToolException {
        Matcher m = TOKEN.matcher(arg);
        StringBuilder sb = new StringBuilder();
        while (m.find()) m.appendReplacement(sb, Matcher.quoteReplacement(build(m.group(1)).toString()));
        m.appendTail(sb);
        return sb.toString();
    }

    /** The tool's binary, compiled now when it is missing or older than its source. */
    public Path build(String name) throws ToolException {
        Path src = source(name);
        if (!Files.isRegularFile(src))
            throw new ToolException("no tool '" + name + "': " + src + " does not exist (tools are scenarios/tools/NAME.c)");
        Path bin = cache.resolve(name);
        try {
            if (Files.isExecutable(bin) && !Files.getLastModifiedTime(src).toInstant().isAfter(Files.getLastModifiedTime(bin).toInstant()))
                return bin.toAbsolutePath();
            Files.createDirectories(cache);
            // compile to a temporary name, then move: a concurrent run never executes a half-written file
            Path tmp = Files.createTempFile(cache, name + ".", ".tmp");
            List<String> cmd = List.of(compiler, "-O2", "-static", "-o", tmp.toString(), src.toString());
            Process p;
            try {
                p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            } catch (IOException e) {
                Files.deleteIfExists(tmp);
                throw new ToolException("cannot build tool '" + name + "': the C compiler '" + compiler
                        + "' is not installed (apt-get install gcc libc6-dev)", e);
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(COMPILE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                Files.deleteIfExists(tmp);
                throw new ToolException("building tool '" + name + "' took longer than " + COMPILE_TIMEOUT_SECONDS + " s");
            }
            if (p.exitValue() != 0) {
                Files.deleteIfExists(tmp);
                throw new ToolException("building tool '" + name + "' failed (" + String.join(" ", cmd) + "):\n" + out);
            }
            Files.move(tmp, bin, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return bin.toAbsolutePath();
        } catch (IOException e) {
            throw new ToolException("cannot build tool '" + name + "' into " + cache + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolException("interrupted while building tool '" + name + "'", e);
        }
    }

    /** A tool could not be found or built; the message says why and what to install. */
    public static final class ToolException extends Exception {
        public ToolException(String message) {
            super(message);
        }

        public ToolException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
