package dev.falconet.sensor.pipeline;

import dev.falconet.engine.EngineOptions;
import dev.falconet.engine.RuleEngine;
import dev.falconet.rules.diag.Diagnostic;
import dev.falconet.rules.load.RulesSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Hot reload of the running sensor's rules: read → load (the same {@link EngineOptions}) → check → swap into the
 * {@link RuleSink} → widen the kernel's interest. A reload with errors keeps the running engine. Each attempt
 * ends in one line for the sensor's stderr, {@code RELOADED ...} or {@code RELOAD FAILED: ...}, which the app
 * reads to show what was actually loaded.
 */
public final class RulesReloader {
    /** The outcome of one reload attempt, and its stderr line. */
    public record Result(boolean ok, String line) {}

    private final List<Path> files;
    private final EngineOptions options;
    private final RuleSink sink;
    private final Function<RuleEngine, String> interest;
    private final Consumer<String> report;
    private String stamp;

    /**
     * @param files    the {@code -r} files and directories, as at start
     * @param interest called after a swap with the new engine: makes the capture deliver the event types it
     *                 needs and returns a note for the RELOADED line (empty when nothing to say)
     * @param report   receives each RELOADED / RELOAD FAILED line
     */
    public RulesReloader(List<Path> files, EngineOptions options, RuleSink sink, Function<RuleEngine, String> interest,
                         Consumer<String> report) {
        this.files = List.copyOf(files);
        this.options = Objects.requireNonNull(options, "options");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.interest = Objects.requireNonNull(interest, "interest");
        this.report = Objects.requireNonNull(report, "report");
        this.stamp = stamp();
    }

    /** Loads the files again and, when they have no errors, swaps the new engine in. Never throws on bad rules. */
    public synchronized Result reload() {
        stamp = stamp();
        RulesSource.Reading reading = RulesSource.readAll(files);
        RuleEngine.Build build = RuleEngine.load(reading.sources(), options);
        List<Diagnostic> errors = new ArrayList<>();
        for (Diagnostic d : reading.diagnostics()) if (d.isError()) errors.add(d);
        for (Diagnostic d : build.diagnostics()) if (d.isError()) errors.add(d);
        Result r;
        if (!errors.isEmpty() || !build.ok()) {
            String first = errors.isEmpty() ? "the rules did not build" : errors.getFirst().format();
            r = new Result(false, "RELOAD FAILED: " + errors.size() + " errors: " + first);
        } else {
            RuleEngine next = build.engine();
            sink.swap(next);
            String note = interest.apply(next);
            var loaded = next.loaded();
            r = new Result(true, "RELOADED rules=" + loaded.enabledRuleCount() + " macros=" + loaded.macros().size()
                    + " lists=" + loaded.lists().size() + " files="
                    + reading.sources().stream().map(RulesSource::name).collect(Collectors.joining(","))
                    + (note.isEmpty() ? "" : " " + note));
        }
        report.accept(r.line());
        return r;
    }

    /** Reloads when a file's modification time or size (or a directory's rules files) changed since the last load. */
    public synchronized boolean reloadIfChanged() {
        if (stamp().equals(stamp)) return false;
        reload();
        return true;
    }

    /** Modification time and size of every rules file, to notice edits without reading them. */
    private String stamp() {
        StringBuilder sb = new StringBuilder();
        for (Path p : files) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(f -> {
                        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
                        return n.endsWith(".yaml") || n.endsWith(".yml");
                    }).sorted().forEach(f -> stampOf(f, sb));
                } catch (IOException e) {
                    sb.append(p).append(":unreadable;");
                }
            } else stampOf(p, sb);
        }
        return sb.toString();
    }

    private static void stampOf(Path f, StringBuilder sb) {
        sb.append(f).append(':');
        try {
            sb.append(Files.getLastModifiedTime(f).toMillis()).append('/').append(Files.size(f));
        } catch (IOException e) {
            sb.append("missing");
        }
        sb.append(';');
    }
}
