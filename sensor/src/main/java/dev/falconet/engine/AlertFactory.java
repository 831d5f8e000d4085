package dev.falconet.engine;

import dev.falconet.event.Event;
import dev.falconet.output.Alert;
import dev.falconet.output.AlertFormats;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Builds Falco's alert for a rule that matched an event: output text, output fields, time, uuid. */
final class AlertFactory {
    private final EngineOptions options;
    private final dev.falconet.engine.compile.OutputFormat suggested;

    AlertFactory(EngineOptions options, dev.falconet.engine.compile.OutputFormat suggested) {
        this.options = options;
        this.suggested = suggested;
    }

    Alert create(CompiledRule rule, Event e) {
        String message = rule.output().format(e);
        if (suggested != null) message = message + suggested.format(e);
        Map<String, Object> fields = new TreeMap<>();
        fields.put("evt.time", e.ts());
        rule.output().collectFields(e, fields);
        if (suggested != null) suggested.collectFields(e, fields);
        String line = AlertFormats.outputLine(e.ts(), rule.priority(), message, options.zone());
        return new Alert(e.ts(), rule.name(), rule.priority(), rule.source(), rule.tags(), options.hostname(), line, message,
                fields, UUID.randomUUID().toString());
    }
}
