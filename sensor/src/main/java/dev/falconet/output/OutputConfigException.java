package dev.falconet.output;

/**
 * Output settings that cannot work (a bad values file, an unknown priority, a missing chat id). The message
 * names the setting and the fix; commands print it and exit with the usage code.
 */
public final class OutputConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OutputConfigException(String message) {
        super(message);
    }
}
