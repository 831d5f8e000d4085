package dev.falconet.scenario;

import java.util.List;

/**
 * What a live run of the scenario needs.
 *
 * @param root         the step itself needs root (the sensor always does)
 * @param container    the steps run in a container or pod
 * @param privileged   the scenario's containers run privileged
 * @param capabilities capabilities added to the scenario's containers (e.g. {@code NET_RAW})
 * @param tty          the steps run with a terminal
 * @param tools        host binaries the live backends need; a missing one skips the live run with a message
 */
public record Preconditions(boolean root, boolean container, boolean privileged, List<String> capabilities,
                            boolean tty, List<String> tools) {
    public static final Preconditions NONE = new Preconditions(false, false, false, List.of(), false, List.of());

    public Preconditions {
        capabilities = List.copyOf(capabilities);
        tools = List.copyOf(tools);
    }
}
