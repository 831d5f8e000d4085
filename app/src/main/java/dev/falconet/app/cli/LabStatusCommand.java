package dev.falconet.app.cli;

import dev.falconet.cli.FalconetCli;
import dev.falconet.lab.LabStatus;
import dev.falconet.lab.kube.PodRow;
import dev.falconet.lab.prereq.ToolStatus;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code falconet lab status}: tools, driver, cluster, kube context, the lab's pods. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show the lab's state: installed tools (with install hints), the minikube driver, the cluster, "
                + "the kube context and the lab's pods.",
                "Exits 0 when the cluster runs and kubectl points at it, 1 otherwise."})
final class LabStatusCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    LabCommand parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "Print the status as JSON on stdout.")
    boolean json;

    @Override
    public Integer call() {
        return parent.execute(spec.commandLine(), json, (lab, log, out) -> {
            LabStatus st = lab.status(log);
            if (json) out.println(Json.write(st));
            else print(st, out);
            boolean ok = st.cluster() != null && st.cluster().running() && st.context() != null && st.context().ok();
            return ok ? FalconetCli.EXIT_OK : FalconetCli.EXIT_FINDINGS;
        });
    }

    private static void print(LabStatus st, PrintWriter out) {
        out.println("Tools");
        for (ToolStatus t : st.prerequisites().tools()) {
            String state = t.usable() ? t.version() : t.found() ? "broken" : "missing";
            out.printf("  %-9s %-18s %s%n", t.name(), state, t.usable() ? t.path()
                    : dev.falconet.lab.prereq.PrerequisiteReport.sentence(t.problem()) + " " + t.installHint());
        }
        var d = st.prerequisites().driver();
        out.printf("Driver      %s%n", d.usable() ? d.driver() + " (" + d.reason() + ")" : "none: " + dev.falconet.lab.prereq.PrerequisiteReport.sentence(d.reason()) + " " + d.installHint());
        out.printf("Cluster     %s%n", st.cluster() == null ? "unknown (minikube missing)"
                : st.cluster().state().name().toLowerCase(java.util.Locale.ROOT) + ": " + st.cluster().message());
        if (st.context() != null) out.printf("Context     %s%n", st.context().message());
        if (st.cluster() != null && st.cluster().running() && st.context() != null && st.context().reachable()) {
            out.printf("Sensor      %s%n", st.sensorDeployed() ? "deployed (namespace falconet)" : "not deployed: run 'falconet lab deploy'");
            out.println("Pods");
            printPods(st, out);
        }
    }

    private static void printPods(LabStatus st, PrintWriter out) {
        if (st.pods().isEmpty()) {
            out.println("  none: run 'falconet lab up'");
            return;
        }
        out.printf("  %-11s %-36s %-6s %-18s %-9s %-6s %-9s %-26s %s%n",
                "NAMESPACE", "NAME", "READY", "STATUS", "RESTARTS", "AGE", "NODE", "IMAGES", "LABELS");
        for (PodRow r : st.pods()) {
            out.printf("  %-11s %-36s %-6s %-18s %-9d %-6s %-9s %-26s %s%n", r.namespace(), r.name(), r.readyColumn(),
                    r.status(), r.restarts(), r.age(), r.node(), String.join(",", r.images()), labels(r.labels()));
        }
    }

    private static String labels(Map<String, String> l) {
        return l.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
    }
}
