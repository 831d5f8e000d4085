package dev.falconet.sensor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falconet.engine.EngineOptions;
import dev.falconet.engine.RuleEngine;
import dev.falconet.event.Event;
import dev.falconet.event.EventTypes;
import dev.falconet.event.ThreadInfo;
import dev.falconet.event.ThreadTable;
import dev.falconet.output.Alert;
import dev.falconet.rules.load.RulesSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesReloaderTest {
    private final ThreadTable table = new ThreadTable();
    private final List<Alert> alerts = new ArrayList<>();
    private final List<String> lines = new ArrayList<>();
    private final List<RuleEngine> widened = new ArrayList<>();

    private static String rule(String name, String comm, String type) {
        return "- macro: is_" + comm + "\n  condition: proc.name = " + comm + "\n"
                + "- list: " + comm + "_list\n  items: [" + comm + "]\n"
                + "- rule: " + name + "\n  desc: d\n  condition: evt.type = " + type + " and is_" + comm + "\n"
                + "  output: \"" + name + " %proc.name\"\n  priority: WARNING\n";
    }

    private Event event(String type, String comm) {
        return new Event(1, 1, EventTypes.id(type), 0, List.of(), table.put(new ThreadInfo(table, 10).comm(comm)), null, 0);
    }

    /** The stream of events a running sensor sees: the same events before and after each reload. */
    private List<String> fire(RuleSink sink) {
        alerts.clear();
        for (Event e : List.of(event("execve", "alpha"), event("execve", "beta"), event("openat", "gamma"))) {
            if (sink.wants(e.type())) sink.accept(e);
        }
        return alerts.stream().map(Alert::rule).toList();
    }

    @Test
    void aReloadSwapsTheEngineAndABrokenFileKeepsTheRunningOneWithTheFirstError(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mine.yaml");
        Files.writeString(file, rule("A", "alpha", "execve"));
        EngineOptions options = EngineOptions.defaults();
        RuleEngine first = RuleEngine.load(RulesSource.read(file).sources(), options).engine();
        RuleSink sink = new RuleSink(first, alerts::add, null);
        RulesReloader reloader = new RulesReloader(List.of(file), options, sink, e -> {
            widened.add(e);
            return "events=+0";
        }, lines::add);
        assertThat(fire(sink)).containsExactly("A");

        Files.writeString(file, rule("B", "beta", "execve") + rule("C", "gamma", "openat"));
        assertThat(reloader.reload().ok()).isTrue();
        assertThat(lines).containsExactly("RELOADED rules=2 macros=2 lists=2 files=" + file + " events=+0");
        assertThat(widened).containsExactly(sink.engine());
        assertThat(fire(sink)).containsExactly("B", "C");

        Files.writeString(file, rule("D", "alpha", "execve") + "- rule: broken\n  desc: d\n  condition: proc.nosuch = 1\n"
                + "  output: x\n  priority: WARNING\n");
        RulesReloader.Result failed = reloader.reload();
        assertThat(failed.ok()).isFalse();
        assertThat(failed.line()).startsWith("RELOAD FAILED: 1 errors: " + file + ":12:14: ").contains("proc.nosuch");
        assertThat(fire(sink)).as("the running rules stay").containsExactly("B", "C");
        assertThat(widened).hasSize(1);

        // what the app's editor file holds before anything is applied: an empty list loads
        Files.writeString(file, "# rules applied from the app's Rules page (Apply to sensor)\n[]\n");
        assertThat(reloader.reload().line()).startsWith("RELOADED rules=0 macros=0 lists=0");
        assertThat(fire(sink)).isEmpty();
    }

    @Test
    void reloadOnChangeNoticesAnEditedFileAndOnlyThen(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mine.yaml");
        Files.writeString(file, rule("A", "alpha", "execve"));
        RuleSink sink = new RuleSink(RuleEngine.load(RulesSource.read(file).sources(), EngineOptions.defaults()).engine(), alerts::add, null);
        RulesReloader reloader = new RulesReloader(List.of(dir), EngineOptions.defaults(), sink, e -> "", lines::add);
        assertThat(reloader.reloadIfChanged()).isFalse();
        Files.writeString(file, rule("B", "beta", "execve"));
        // a coarse file-system clock could give the edit the same time: the size differs anyway, and so does this
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 2000));
        assertThat(reloader.reloadIfChanged()).isTrue();
        assertThat(lines).containsExactly("RELOADED rules=1 macros=1 lists=1 files=" + file);
        assertThat(fire(sink)).containsExactly("B");
        assertThat(reloader.reloadIfChanged()).isFalse();
    }
}
