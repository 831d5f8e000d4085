package dev.falconet.lab.process;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Runs external command-line tools ({@code minikube}, {@code kubectl}, {@code helm}, {@code docker}).
 * The lab talks to these only through this interface, so tests can run scripted stand-ins.
 */
public interface CommandRunner {

    /**
     * Runs a command to completion (or until the timeout kills it).
     *
     * @param lines called with each output line (stdout and stderr) as soon as the tool prints it;
     *              progress output of long commands ({@code minikube start}) reaches the user this way
     * @throws ToolNotFoundException when the program is not on the PATH
     */
    CommandResult run(ToolCommand command, Duration timeout, Consumer<String> lines);

    default CommandResult run(ToolCommand command, Duration timeout) {
        return run(command, timeout, line -> {});
    }

    /** The tool locator this runner resolves program names with. */
    ToolLocator locator();
}
