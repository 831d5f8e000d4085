package dev.falconet.app.scenario;

import dev.falconet.cli.FalconetCli;
import dev.falconet.rules.diag.Diagnostic;
import dev.falconet.scenario.Scenario;
import dev.falconet.scenario.ScenarioLoader;
import dev.falconet.scenario.podman.PodmanBackend;
import dev.falconet.scenario.run.ReplayBackend;
import dev.falconet.scenario.run.ScenarioObserver;
import dev.falconet.scenario.run.ScenarioResult;
import dev.falconet.scenario.run.ScenarioRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code falconet scenario record ID --backend podman}: runs the scenario live and writes its capture
 * (the step processes' events and every event that alerted), then replays the capture to check that it
 * gives the same grade.
 */
@Command(name = "record", mixinStandardHelpOptions = true,
        description = {"Run a scenario live (podman backend: root and podman) and write its capture to the scenario's",
                "'capture' path (scenarios/captures/ID.jsonl): the events of the steps' processes and their descendants and every",
                "event that alerted, with the process and container records they need. The capture is then replayed and both",
                "grades are printed. The capture is written even when a grade fails, so that it can be inspected."},
        footer = {"", "Example:", "  sudo ./falconet scenario record read-pam-passwd --backend podman",
                "", "Exit codes: 0 recorded and both the live run and the replay passed, 1 recorded but a grade failed (or the",
                "run errored), 2 usage or a missing prerequisite (not root, no podman ...)."})
final class ScenarioRecordCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    ScenarioCommand parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "The scenario to record.")
    String id;

    @Option(names = {"-b", "--backend"}, defaultValue = "podman", paramLabel = "NAME", description = "Only podman records (default).")
    String backendName;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the capture here instead of the scenario's capture path.")
    Path output;

    @Option(names = {"-v", "--verbose"}, description = "Also show what the backend does and the steps' output.")
    boolean verbose;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!backendName.equals(PodmanBackend.NAME))
            throw new CommandLine.ParameterException(spec.commandLine(), "only the podman backend records (got '" + backendName + "')");
        ScenarioLoader loader = parent.loader().forRecording();
        Path file = parent.scenariosDir().resolve(id + ".yaml");
        if (!Files.isRegularFile(file)) {
            err.println("falconet scenario record: no scenario file " + file);
            err.flush();
            return FalconetCli.EXIT_USAGE;
        }
        ScenarioLoader.Result loaded = loader.loadFile(file);
        for (Diagnostic d : loaded.diagnostics()) err.println(d.format());
        err.flush();
        if (loaded.scenario().isEmpty()) return FalconetCli.EXIT_FINDINGS;
        Scenario s = loaded.scenario().get();
        Path target = output != null ? output.toAbsolutePath() : s.captureFile();
        Path tmp;
        try {
            Files.createDirectories(target.getParent());
            tmp = Files.createTempFile(target.getParent(), "." + s.id() + "-", ".jsonl.part");
        } catch (IOException e) {
            err.println("falconet scenario record: cannot write in " + target.getParent() + ": " + e.getMessage());
            err.flush();
            return FalconetCli.EXIT_FINDINGS;
        }
        ScenarioObserver observer = new ConsoleObserver(out, verbose);
        ScenarioRunner runner = new ScenarioRunner(parent.rules);
        ScenarioResult live;
        try (PodmanBackend backend = PodmanBackend.recording(parent.repoRoot(), tmp)) {
            live = runner.runAll(List.of(s), backend, observer).get(0);
        }
        try {
            if (live.outcome() == ScenarioResult.Outcome.SKIPPED || live.outcome() == ScenarioResult.Outcome.ERROR) {
                Files.deleteIfExists(tmp);
                return live.outcome() == ScenarioResult.Outcome.SKIPPED ? FalconetCli.EXIT_USAGE : FalconetCli.EXIT_FINDINGS;
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            // a temporary file is private; a capture is reviewed in git like any source file
            try {
                Files.setPosixFilePermissions(target, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: keep what it gives
            }
        } catch (IOException e) {
            err.println("falconet scenario record: cannot write " + target + ": " + e.getMessage());
            err.flush();
            return FalconetCli.EXIT_FINDINGS;
        }
        long events;
        try (var lines = Files.lines(target)) {
            events = lines.filter(l -> l.startsWith("{\"kind\":\"event\"")).count();
        } catch (IOException e) {
            events = -1;
        }
        out.printf("recorded %s: %d events%n", parent.repoRoot().relativize(target).toString().startsWith("..") ? target : parent.repoRoot().relativize(target), events);
        Scenario replayed = new Scenario(s.id(), s.group(), s.title(), s.story(), s.objectives(), s.rules(), s.preconditions(), s.steps(),
                s.expect(), s.hints(), s.explanation(), s.capture(), s.file(), target);
        ScenarioResult replay;
        try (ReplayBackend backend = new ReplayBackend()) {
            replay = runner.run(replayed, backend, observer);
        }
        boolean same = live.alerts().stream().map(a -> a.rule() + "@" + a.step()).toList()
                .equals(replay.alerts().stream().map(a -> a.rule() + "@" + a.step()).toList());
        if (!same) out.println("note: the replay's alerts differ from the live run's (compare the two lists above)");
        out.printf("live: %s, replay: %s%n", live.outcome(), replay.outcome());
        out.flush();
        return live.passed() && replay.passed() && same ? FalconetCli.EXIT_OK : FalconetCli.EXIT_FINDINGS;
    }
}
