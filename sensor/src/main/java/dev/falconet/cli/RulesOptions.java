package dev.falconet.cli;

import dev.falconet.engine.EngineOptions;
import dev.falconet.engine.RuleEngine;
import dev.falconet.engine.RuleMatching;
import dev.falconet.rules.Priority;
import dev.falconet.rules.diag.Diagnostic;
import dev.falconet.rules.load.RulesSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The rules options that {@code validate}, {@code replay}, {@code explain} and {@code sensor} share. */
public final class RulesOptions {
    @Option(names = {"-r", "--rules"}, paramLabel = "FILE", required = true,
            description = "A rules file or a directory of *.yaml/*.yml files; repeat to load several, in order (later definitions win).")
    List<Path> files = new ArrayList<>();

    @Option(names = "--rule-matching", paramLabel = "first|all", defaultValue = "first",
            description = "Alert for the first matching rule of an event (Falco's default) or for every matching rule. Default: ${DEFAULT-VALUE}.")
    String ruleMatching;

    @Option(names = "--min-priority", paramLabel = "PRIORITY", defaultValue = "debug",
            description = "Rules less severe than this load but are not enabled (falco.yaml 'priority'). Default: ${DEFAULT-VALUE}.")
    String minPriority;

    @Option(names = "--k8smeta", description = "Append the k8smeta suggested fields (k8smeta_pod_name, k8smeta_ns_name) to outputs, as Falco does with the k8smeta plugin loaded.")
    boolean k8smeta;

    @Option(names = "--resolve", paramLabel = "NAME=IP[,IP...]",
            description = "Answer this domain name with these addresses for fd.sip.name and friends instead of asking DNS "
                    + "(like curl's --resolve; e.g. kubernetes.default.svc.cluster.local=10.96.0.1 to replay a capture recorded in minikube). Repeatable.")
    List<String> resolve = new ArrayList<>();

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    public List<Path> files() {
        return files;
    }

    /** Engine options from these flags; a bad value is a usage error (exit 2) naming the option. */
    public EngineOptions engineOptions() {
        RuleMatching m;
        try {
            m = RuleMatching.parse(ruleMatching);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(mixee.commandLine(), "--rule-matching must be 'first' or 'all', not '" + ruleMatching + "'");
        }
        Priority p = Priority.parse(minPriority).orElseThrow(() -> new ParameterException(mixee.commandLine(),
                "--min-priority must be one of emergency, alert, critical, error, warning, notice, informational (info), debug; not '" + minPriority + "'"));
        EngineOptions o = EngineOptions.defaults().withRuleMatching(m).withMinPriority(p);
        if (!resolve.isEmpty()) {
            java.util.Map<String, List<String>> answers = new java.util.HashMap<>();
            for (String r : resolve) {
                int eq = r.indexOf('=');
                if (eq <= 0 || eq == r.length() - 1) {
                    throw new ParameterException(mixee.commandLine(), "--resolve takes NAME=IP[,IP...], not '" + r + "'");
                }
                List<String> ips = List.of(r.substring(eq + 1).split(","));
                for (String ip : ips) {
                    if (dev.falconet.engine.eval.Cidr.address(ip.trim()) == null) {
                        throw new ParameterException(mixee.commandLine(), "--resolve: '" + ip + "' is not an IP address");
                    }
                }
                answers.put(r.substring(0, eq), ips.stream().map(String::trim).toList());
            }
            o = o.withResolver(dev.falconet.engine.dns.NameResolver.fixed(answers));
        }
        if (k8smeta) {
            List<String> f = new ArrayList<>(EngineOptions.CONTAINER_SUGGESTED);
            f.addAll(EngineOptions.K8SMETA_SUGGESTED);
            o = o.withSuggestedFields(f);
        }
        return o;
    }

    /** Reads and compiles the rules; prints diagnostics to {@code err}. Null when there were errors. */
    public RuleEngine loadOrReport(EngineOptions options, PrintWriter err) {
        RulesSource.Reading reading = RulesSource.readAll(files);
        RuleEngine.Build build = RuleEngine.load(reading.sources(), options);
        List<Diagnostic> all = new ArrayList<>(reading.diagnostics());
        all.addAll(build.diagnostics());
        boolean errors = all.stream().anyMatch(Diagnostic::isError);
        for (Diagnostic d : all) if (d.isError()) err.println(d.format());
        if (errors || !build.ok()) {
            err.println("falconet: the rules have errors; run 'falconet validate' on them for details.");
            err.flush();
            return null;
        }
        return build.engine();
    }
}
