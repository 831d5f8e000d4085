package dev.falconet.app.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.falconet.rules.diag.Diagnostic;
import dev.falconet.scenario.Scenario;
import dev.falconet.scenario.Step;
import dev.falconet.scenario.Target;
import dev.falconet.scenario.run.ScenarioResult;
import dev.falconet.scenario.run.SeenAlert;
import dev.falconet.scenario.run.StepResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code --json} shapes of the scenario commands (documented in docs/scenarios.md). */
final class ScenarioJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ScenarioJson() {}

    static String write(Object o) {
        try {
            return MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    static Map<String, Object> scenario(Scenario s, Map<String, String> unavailable) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("group", s.group());
        m.put("title", Map.of("en", s.title().en(), "ru", s.title().ru()));
        m.put("rules", s.rules().stream().map(r -> r.spec()).toList());
        m.put("rules_expected", s.expect().alerts().stream().map(a -> a.rule()).distinct().toList());
        m.put("rules_absent", s.expect().absent().stream().map(a -> a.rule()).toList());
        m.put("steps", s.steps().stream().map(ScenarioJson::step).toList());
        var p = s.preconditions();
        m.put("preconditions", Map.of("root", p.root(), "container", p.container(), "privileged", p.privileged(),
                "capabilities", p.capabilities(), "tty", p.tty(), "tools", p.tools()));
        m.put("capture", s.capture());
        m.put("file", s.file().toString());
        Map<String, Object> backends = new LinkedHashMap<>();
        unavailable.forEach((b, why) -> backends.put(b, why == null ? Map.of("available", true) : Map.of("available", false, "reason", why)));
        m.put("backends", backends);
        return m;
    }

    static Map<String, Object> step(Step st) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", st.id());
        m.put("title", Map.of("en", st.title().en(), "ru", st.title().ru()));
        m.put("where", switch (st.where()) {
            case Target.Pod p -> Map.of("pod", Map.of("namespace", p.namespace(), "deployment", p.deployment()));
            case Target.Container c -> Map.of("container", c.name());
            case Target.Host h -> Map.of("host", true);
        });
        m.put("command", st.commandLine());
        return m;
    }

    static Map<String, Object> diagnostic(Diagnostic d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", d.code());
        m.put("severity", d.severity().lower());
        m.put("file", d.file());
        m.put("line", d.line());
        m.put("column", d.column());
        m.put("message", d.message());
        return m;
    }

    static Map<String, Object> result(ScenarioResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.scenario().id());
        m.put("backend", r.backend());
        m.put("outcome", r.outcome().name().toLowerCase(java.util.Locale.ROOT));
        m.put("reasons", r.reasons());
        m.put("millis", r.millis());
        m.put("steps", r.steps().stream().map(ScenarioJson::stepResult).toList());
        m.put("alerts", r.alerts().stream().map(ScenarioJson::alert).toList());
        return m;
    }

    private static Map<String, Object> stepResult(StepResult s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.step().id());
        m.put("exit", s.exit());
        m.put("exit_as_expected", s.exitAsExpected());
        m.put("millis", s.millis());
        m.put("output", s.output());
        return m;
    }

    private static Map<String, Object> alert(SeenAlert a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", a.rule());
        m.put("priority", a.alert().priority().name());
        m.put("step", a.step());
        m.put("output", a.alert().output());
        m.put("output_fields", a.alert().outputFields());
        if (!a.fields().isEmpty()) m.put("fields", a.fields());
        return m;
    }

    static Map<String, Object> summary(List<ScenarioResult> results) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (ScenarioResult.Outcome o : ScenarioResult.Outcome.values())
            m.put(o.name().toLowerCase(java.util.Locale.ROOT), results.stream().filter(r -> r.outcome() == o).count());
        return m;
    }
}
