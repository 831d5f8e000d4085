package dev.falconet.rules.load;

import java.util.Map;

/**
 * What this engine tells rules files about itself. We implement the rule language of Falco's engine
 * 0.57.0 (Falco 0.42) plus the 0.44 additions, and report engine version 0.62.0 (the version of Falco
 * 0.44), so files asking for any engine version up to 0.62.0 load.
 */
public final class EngineInfo {
    private EngineInfo() {}

    /** The engine version compared with {@code required_engine_version}. */
    public static final String ENGINE_VERSION = "0.62.0";

    /**
     * Plugins built into Falconet and the versions we report for {@code required_plugin_versions}: their
     * fields are implemented by the sensor itself (container and Kubernetes metadata).
     */
    public static final Map<String, String> BUILT_IN_PLUGINS = Map.of("container", "0.4.1", "k8smeta", "0.3.1");

    static SemVer engineVersion() {
        return SemVer.parse(ENGINE_VERSION);
    }
}
