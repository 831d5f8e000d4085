package dev.falconet.lab.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.falconet.output.Alert;
import dev.falconet.rules.Priority;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Falco JSON alert lines into {@link Alert}s, and the TCP stream that carries them. */
class FalcoJsonAlertsTest {
    /** An alert as Falco prints it with json_output (from the seed lab's scenario, k8smeta fields added). */
    static final String SEED = """
            {"hostname":"minikube","output":"15:09:53.526225612: Warning Sensitive file opened for reading by non-trusted program (file=/etc/pam.d/passwd process=cat)","output_fields":{"container.id":"dc464dda0dc9","evt.time":1741619393526225612,"fd.name":"/etc/pam.d/passwd","k8smeta.ns.name":"secured-ns","k8smeta.pod.name":"ubuntu-deployment-5fccb98689-zmn4t","proc.aname[2]":null,"proc.tty":34816,"user.name":"root","evt.is_open_read":true},"priority":"Warning","rule":"Read sensitive file untrusted","source":"syscall","tags":["maturity_stable","T1555","container","filesystem","host","mitre_credential_access"],"time":"2025-03-10T15:09:53.526225612Z","uuid":"b7e4b4b5-2f10-4c8e-9d51-0f7a6c5f2b11"}""";

    @Test
    void parsesEveryFieldOfFalcosFormat() {
        Alert a = FalcoJsonAlerts.parse(SEED);
        assertThat(a.rule()).isEqualTo("Read sensitive file untrusted");
        assertThat(a.priority()).isEqualTo(Priority.WARNING);
        assertThat(a.source()).isEqualTo("syscall");
        assertThat(a.hostname()).isEqualTo("minikube");
        assertThat(a.timeNanos()).isEqualTo(1741619393526225612L);
        assertThat(a.tags()).containsExactly("T1555", "container", "filesystem", "host", "maturity_stable", "mitre_credential_access");
        assertThat(a.message()).isEqualTo("Sensitive file opened for reading by non-trusted program (file=/etc/pam.d/passwd process=cat)");
        assertThat(a.uuid()).isEqualTo("b7e4b4b5-2f10-4c8e-9d51-0f7a6c5f2b11");
        assertThat(a.outputFields()).containsEntry("k8smeta.ns.name", "secured-ns")
                .containsEntry("proc.tty", 34816L).containsEntry("evt.is_open_read", true).containsEntry("proc.aname[2]", null);
        assertThat(new java.util.ArrayList<>(a.outputFields().keySet())).isSorted();
    }

    @Test
    void badLinesSayWhatIsWrong() {
        assertThatThrownBy(() -> FalcoJsonAlerts.parse("Warning: not json")).hasMessageStartingWith("not a JSON alert");
        assertThatThrownBy(() -> FalcoJsonAlerts.parse("{\"output\":\"x\",\"priority\":\"Warning\"}"))
                .hasMessage("alert has no \"rule\"");
        assertThatThrownBy(() -> FalcoJsonAlerts.parse("{\"rule\":\"r\",\"output\":\"x\",\"priority\":\"Loud\"}"))
                .hasMessage("unknown priority \"Loud\" in alert of rule r");
    }

    @Test
    void streamsAlertsFromASocketSeparatingNoticesAndBadLines() throws Exception {
        var alerts = new CopyOnWriteArrayList<Alert>();
        var notices = new CopyOnWriteArrayList<String>();
        var problems = new CopyOnWriteArrayList<String>();
        try (var server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread sender = Thread.ofVirtual().start(() -> {
                try (Socket s = server.accept();
                     var w = new BufferedWriter(new OutputStreamWriter(s.getOutputStream(), StandardCharsets.UTF_8))) {
                    w.write("falconet: sensor running (41 syscalls traced, until Ctrl-C)\n" + SEED + "\n\n{broken\n"
                            + SEED.replace("Warning", "Critical") + "\n");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            var socket = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
            try (var stream = AlertStream.of(socket.getInputStream(), socket,
                    new AlertStream.Sinks(alerts::add, notices::add, problems::add))) {
                stream.awaitEnd();
            }
            sender.join();
        }
        assertThat(alerts).extracting(Alert::priority).containsExactly(Priority.WARNING, Priority.CRITICAL);
        assertThat(problems).hasSize(2);
        assertThat(notices).containsExactly("falconet: sensor running (41 syscalls traced, until Ctrl-C)");
        assertThat(problems.get(0)).startsWith("alert stream line 4: not a JSON alert");
        assertThat(problems.get(1)).isEqualTo("the sensor's output ended (pod stopped or restarted?)");
    }
}
