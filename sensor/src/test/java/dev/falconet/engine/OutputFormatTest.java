package dev.falconet.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falconet.engine.compile.OutputFormat;
import dev.falconet.event.ContainerInfo;
import dev.falconet.event.Event;
import dev.falconet.event.EventTypes;
import dev.falconet.event.ThreadInfo;
import dev.falconet.event.ThreadTable;
import dev.falconet.fields.FieldRegistry;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutputFormatTest {
    private final ThreadTable table = new ThreadTable();
    private final ContainerInfo web = new ContainerInfo("1d86dc1f6f56", null, "podman", "web", "nginx:1.14.2", "nginx", "1.14.2",
            null, null, false, 0, List.of(), null, null);
    private final Event event = new Event(1, 1, EventTypes.id("execve"), 0, List.of(),
            table.put(new ThreadInfo(table, 10).comm("nginx").container(web)), null, 0);

    @Test
    void fieldsWidthsAndLongestBindingToken() {
        OutputFormat f = OutputFormat.compile("p=%proc.namex c=%container.id %5proc.name| %2container.name|", FieldRegistry.standard()).format();
        assertThat(f.format(event)).isEqualTo("p=nginxx c=1d86dc1f6f56 nginx| we|");
    }

    @Test
    void missingValuesPrintNaOrTheReasonWhenOneIsKnown() {
        String out = "ns=%k8s.ns.name pod=%k8s.pod.name";
        assertThat(OutputFormat.compile(out, FieldRegistry.standard()).format().format(event)).isEqualTo("ns=<NA> pod=<NA>");
        EngineOptions.MissingReason why = (e, field) -> field.startsWith("k8s.") ? Optional.of("pod not yet seen by the Kubernetes cache") : Optional.empty();
        assertThat(OutputFormat.compile(out, FieldRegistry.standard(), why).format().format(event))
                .isEqualTo("ns=<NA> (pod not yet seen by the Kubernetes cache) pod=<NA> (pod not yet seen by the Kubernetes cache)");
    }

    @Test
    void errors() {
        assertThat(OutputFormat.compile("oops %", FieldRegistry.standard()).error()).isEqualTo("formatting cannot end with a %");
        assertThat(OutputFormat.compile("x=%nosuch.field", FieldRegistry.standard()).error()).contains("nosuch.field");
        assertThat(OutputFormat.compile("%container.info", FieldRegistry.standard()).warnings()).anyMatch(w -> w.contains("deprecated"));
    }
}
