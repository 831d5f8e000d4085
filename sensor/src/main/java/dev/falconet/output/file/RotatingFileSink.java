package dev.falconet.output.file;

import dev.falconet.output.Alert;
import dev.falconet.output.AlertFormats;
import dev.falconet.output.AlertSink;
import dev.falconet.output.OutputConfigException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Alerts appended to a file, one line each (Falco's text line, or its JSON alert), rotated by size:
 * when the next line would make the file larger than {@code maxBytes}, {@code FILE} becomes
 * {@code FILE.1}, {@code FILE.1} becomes {@code FILE.2} ... and the oldest beyond {@code keep} is removed.
 * New files are created readable by the owner only (alerts can carry command lines with secrets).
 */
public final class RotatingFileSink implements AlertSink {
    private static final System.Logger LOG = System.getLogger(RotatingFileSink.class.getName());
    private final Path path;
    private final boolean json;
    private final long maxBytes;
    private final int keep;
    private OutputStream out;
    private long size;
    private boolean failing;

    /**
     * Opens (appends to) {@code path}.
     *
     * @param maxBytes rotate before the file would grow beyond this
     * @param keep     how many rotated files to keep ({@code FILE.1} .. {@code FILE.keep}); 0 keeps none
     * @throws OutputConfigException when the file cannot be opened
     */
    public RotatingFileSink(Path path, boolean json, long maxBytes, int keep) {
        if (maxBytes < 1024) throw new OutputConfigException("--file-max-size must be at least 1K (got " + maxBytes + " bytes)");
        if (keep < 0) throw new OutputConfigException("--file-keep must be 0 or more");
        this.path = path.toAbsolutePath();
        this.json = json;
        this.maxBytes = maxBytes;
        this.keep = keep;
        try {
            open();
        } catch (IOException e) {
            throw new OutputConfigException("--file " + path + ": cannot open for writing (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
    }

    @Override
    public synchronized void accept(Alert alert) {
        byte[] line = ((json ? AlertFormats.json(alert) : AlertFormats.text(alert)) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            if (out == null) open();
            if (size > 0 && size + line.length > maxBytes) rotate();
            out.write(line);
            out.flush();
            size += line.length;
            if (failing) {
                LOG.log(System.Logger.Level.INFO, "file output " + path + ": writing again");
                failing = false;
            }
        } catch (IOException e) {
            if (!failing) LOG.log(System.Logger.Level.ERROR, "file output " + path + ": cannot write (" + e.getMessage() + "); alerts are skipped until it works again");
            failing = true;
            closeQuietly();
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }

    @Override
    public String name() {
        return "file";
    }

    private void open() throws IOException {
        Path parent = path.getParent();
        if (parent != null) Files.createDirectories(parent);
        if (!Files.exists(path) && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        out = Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        size = Files.size(path);
    }

    private void rotate() throws IOException {
        out.close();
        out = null;
        if (keep == 0) {
            Files.delete(path);
        } else {
            Files.deleteIfExists(rotated(keep));
            for (int i = keep - 1; i >= 1; i--) {
                if (Files.exists(rotated(i))) Files.move(rotated(i), rotated(i + 1), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(path, rotated(1), StandardCopyOption.REPLACE_EXISTING);
        }
        open();
    }

    private Path rotated(int i) {
        return path.resolveSibling(path.getFileName() + "." + i);
    }

    private void closeQuietly() {
        if (out == null) return;
        try {
            out.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "file output " + path + ": close failed: " + e.getMessage());
        }
        out = null;
    }
}
