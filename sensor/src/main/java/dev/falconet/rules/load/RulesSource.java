package dev.falconet.rules.load;

import dev.falconet.rules.diag.Diagnostic;
import dev.falconet.rules.diag.Severity;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One rules file's content.
 *
 * @param name the file as shown in diagnostics
 * @param text the file's text
 */
public record RulesSource(String name, String text) {
    /** Larger files are refused with a diagnostic rather than read into memory. */
    public static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    public RulesSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
    }

    /** What reading paths gave: the sources to load, and a diagnostic for each path that could not be read. */
    public record Reading(List<RulesSource> sources, List<Diagnostic> diagnostics) {
        public Reading {
            sources = List.copyOf(sources);
            diagnostics = List.copyOf(diagnostics);
        }
    }

    /**
     * Reads a rules file, or a directory's {@code *.yaml} / {@code *.yml} regular files sorted by path (as Falco
     * 0.41+ does). Never throws: a missing or unreadable file, or text that is not UTF-8, becomes a
     * {@code LOAD_ERR_FILE_READ} diagnostic.
     */
    public static Reading read(Path path) {
        return readAll(List.of(path));
    }

    /** {@link #read(Path)} for several paths, in order. */
    public static Reading readAll(List<Path> paths) {
        List<RulesSource> sources = new ArrayList<>();
        List<Diagnostic> diags = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                List<Path> files;
                try (Stream<Path> s = Files.list(p)) {
                    files = s.filter(f -> {
                        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
                        return (n.endsWith(".yaml") || n.endsWith(".yml")) && Files.isRegularFile(f);
                    }).sorted().toList();
                } catch (IOException | RuntimeException e) {
                    diags.add(readError(p, "cannot list directory: " + describe(e)));
                    continue;
                }
                for (Path f : files) readFile(f, sources, diags);
            } else {
                readFile(p, sources, diags);
            }
        }
        return new Reading(sources, diags);
    }

    private static void readFile(Path p, List<RulesSource> sources, List<Diagnostic> diags) {
        try {
            if (!Files.exists(p)) {
                diags.add(readError(p, "file not found"));
                return;
            }
            if (!Files.isRegularFile(p)) {
                diags.add(readError(p, "not a regular file"));
                return;
            }
            long size = Files.size(p);
            if (size > MAX_FILE_BYTES) {
                diags.add(readError(p, "file is larger than " + (MAX_FILE_BYTES >> 20) + " MB (" + size + " bytes)"));
                return;
            }
            byte[] bytes = Files.readAllBytes(p);
            String text = decode(bytes);
            if (text == null) {
                diags.add(readError(p, "file is not UTF-8 text (binary data?)"));
                return;
            }
            sources.add(new RulesSource(p.toString(), text));
        } catch (IOException | RuntimeException e) {
            diags.add(readError(p, describe(e)));
        }
    }

    /** UTF-8 text without a leading byte-order mark, or null when the bytes are not valid UTF-8. */
    static String decode(byte[] bytes) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String describe(Exception e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    private static Diagnostic readError(Path p, String why) {
        return new Diagnostic(LoadCodes.FILE_READ, Severity.ERROR, p.toString(), 0, 0, "",
                "Could not read rules file: " + why);
    }
}
