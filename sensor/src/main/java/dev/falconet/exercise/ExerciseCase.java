package dev.falconet.exercise;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One capture of an exercise and what the student's rules must do with it.
 *
 * @param id           unique within the exercise
 * @param title        what the capture shows (visible cases; null for hidden checks)
 * @param hint         for a hidden check, the hint a student gets when it fails (null for visible cases)
 * @param capture      the capture file
 * @param captureRef   the capture as written in the exercise file (relative to the exercises directory)
 * @param expectations every one must hold for the case to pass
 */
public record ExerciseCase(String id, Translated title, Translated hint, Path capture, String captureRef,
                           List<Expectation> expectations) {
    public ExerciseCase {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(capture, "capture");
        expectations = List.copyOf(expectations);
    }

    /** Hidden checks carry a hint instead of a title; the student does not see their capture. */
    public boolean hidden() {
        return hint != null;
    }
}
