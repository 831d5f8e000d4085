package dev.falconet.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * A secret token kept in a file only its owner can read (mode 0600), like an SSH key: the app writes one
 * for the loopback alert stream, the privileged sensor reads it ({@code --http-token-file}), so the token
 * never appears on a command line or in the environment.
 */
public final class TokenFile {
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private TokenFile() {}

    /** Writes a new random token (32 bytes, hex) to {@code file} with mode 0600 and returns it. */
    public static String create(Path file) throws IOException {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        String token = HexFormat.of().formatHex(b);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.deleteIfExists(file);
        // created 0600 from the start: never readable by others, not even for a moment
        Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
        return token;
    }

    /**
     * Reads the token in {@code file}.
     *
     * @param option the option that named the file, for messages
     * @throws OutputConfigException when the file is missing, empty, or readable by group or others
     */
    public static String read(Path file, String option) {
        try {
            if (!Files.isRegularFile(file)) throw new OutputConfigException(option + " " + file + ": no such file");
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
            if (perms.stream().anyMatch(p -> !OWNER_ONLY.contains(p) && p != PosixFilePermission.OWNER_EXECUTE)) {
                throw new OutputConfigException(option + " " + file + " can be read by others (" + PosixFilePermissions.toString(perms)
                        + "): make it private with 'chmod 600 " + file + "'");
            }
            String token = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (token.isEmpty()) throw new OutputConfigException(option + " " + file + " is empty: it should hold the bearer token");
            return token;
        } catch (IOException e) {
            throw new OutputConfigException(option + " " + file + ": cannot read it (" + e.getMessage() + ")");
        } catch (UnsupportedOperationException e) {
            throw new OutputConfigException(option + " " + file + ": the file system has no owner-only permissions");
        }
    }
}
