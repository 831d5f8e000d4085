package dev.falconet.output.telegram;

import dev.falconet.output.OutputConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads the Telegram settings from a Helm values file like the lab's {@code custom-values.yaml}:
 * {@code falcosidekick.config.telegram.{token, chatid, minimumpriority, messagethreadid}} (the Falco
 * chart), or {@code config.telegram.*} (a values file of the falcosidekick chart itself). Other keys
 * ({@code enabled}, {@code checkcert}) are ignored.
 */
public final class HelmValues {
    private HelmValues() {
    }

    /** The {@code telegram} map's values as strings (keys lower-case as in the chart); empty when absent. */
    public static Map<String, String> telegram(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new OutputConfigException("--values " + file + ": cannot read the file (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
        Object root;
        try {
            root = new Load(LoadSettings.builder().setLabel(file.toString()).build()).loadFromString(text);
        } catch (MarkedYamlEngineException e) {
            throw new OutputConfigException("--values " + file + ": not valid YAML at line "
                    + (e.getProblemMark().map(m -> m.getLine() + 1).orElse(0)) + ": " + e.getProblem());
        } catch (YamlEngineException e) {
            throw new OutputConfigException("--values " + file + ": not valid YAML: " + e.getMessage());
        }
        Object telegram = path(root, "falcosidekick", "config", "telegram");
        if (telegram == null) telegram = path(root, "config", "telegram");
        Map<String, String> out = new HashMap<>();
        if (telegram == null) return out;
        if (!(telegram instanceof Map<?, ?> m)) {
            throw new OutputConfigException("--values " + file + ": falcosidekick.config.telegram must be a map of settings");
        }
        m.forEach((k, v) -> {
            if (v != null && !(v instanceof Map) && !(v instanceof Iterable)) out.put(String.valueOf(k).toLowerCase(), String.valueOf(v));
        });
        return out;
    }

    private static Object path(Object node, String... keys) {
        Object cur = node;
        for (String k : keys) {
            if (!(cur instanceof Map<?, ?> m)) return null;
            cur = m.get(k);
        }
        return cur;
    }
}
