package dev.falconet.app.scenario;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * What the student has done, kept between runs in {@code progress.properties}: for each scenario and exercise
 * whether its last run passed ({@code scenario.ID=passed|failed}, {@code exercise.ID=passed|failed}).
 */
public final class StudyProgress {
    /** Where a scenario or exercise stands. */
    public enum State { NEW, FAILED, PASSED }

    private final Path file;
    private final Properties props = new Properties();

    /** Reads the file (a missing or unreadable file is an empty progress). */
    public StudyProgress(Path file) {
        this.file = file;
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                props.load(r);
            } catch (IOException | IllegalArgumentException e) {
                props.clear();
            }
        }
    }

    public synchronized State scenario(String id) {
        return state("scenario." + id);
    }

    public synchronized State exercise(String id) {
        return state("exercise." + id);
    }

    /** Records a scenario run and saves. */
    public void scenario(String id, boolean passed) throws IOException {
        record("scenario." + id, passed);
    }

    /** Records an exercise check and saves. */
    public void exercise(String id, boolean passed) throws IOException {
        record("exercise." + id, passed);
    }

    private State state(String key) {
        String v = props.getProperty(key);
        return v == null ? State.NEW : v.equals("passed") ? State.PASSED : State.FAILED;
    }

    private synchronized void record(String key, boolean passed) throws IOException {
        // once passed stays passed: a later experiment that fails does not undo the student's progress
        if (!passed && state(key) == State.PASSED) return;
        props.setProperty(key, passed ? "passed" : "failed");
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            props.store(w, "Falconet: scenarios and exercises done");
        }
    }
}
