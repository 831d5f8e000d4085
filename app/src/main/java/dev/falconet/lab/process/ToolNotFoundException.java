package dev.falconet.lab.process;

/** A program the lab needs is not on the PATH. */
public final class ToolNotFoundException extends RuntimeException {
    private final String program;

    public ToolNotFoundException(String program, String searched) {
        super("'" + program + "' was not found on the PATH (" + searched + ")");
        this.program = program;
    }

    public String program() {
        return program;
    }
}
