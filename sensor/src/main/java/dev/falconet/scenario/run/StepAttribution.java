package dev.falconet.scenario.run;

import dev.falconet.event.ContainerInfo;
import dev.falconet.event.ThreadInfo;
import dev.falconet.scenario.Step;
import dev.falconet.scenario.Target;
import dev.falconet.scenario.tools.ScenarioTools;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which step caused an event: the step whose command is the event's process or one of its ancestors.
 * A process is a step's command when its program name (argv[0]'s last path element) and arguments are the
 * step's; a shell step also matches its command line split at spaces, since {@code sh -c} often execs a
 * single command in place of itself. The process must also run where the step does (host or
 * container, the pod's namespace, the local container's name), so that the same command in two places is told
 * apart. Works the same live and in replay, since captures carry the process tree and containers.
 */
public final class StepAttribution {
    /** How far up the process tree a step's command is looked for. */
    static final int MAX_DEPTH = 32;
    private static final Pattern SHELL_META = Pattern.compile("[|&;<>()$`\\\\\"'*?\\[\\]#~=%{}!\\n]");

    private record Signature(String stepId, Target where, String program, List<String> args) {}

    private final List<Signature> signatures = new ArrayList<>();
    private final String single;

    public StepAttribution(List<Step> steps) {
        for (Step s : steps) {
            List<String> cl = s.commandLine();
            signatures.add(new Signature(s.id(), s.where(), base(cl.get(0)), cl.subList(1, cl.size())));
            if (s.shell() != null && !SHELL_META.matcher(s.shell()).find()) {
                List<String> words = List.of(s.shell().strip().split("\\s+"));
                if (!words.isEmpty() && !words.get(0).isEmpty())
                    signatures.add(new Signature(s.id(), s.where(), base(words.get(0)), words.subList(1, words.size())));
            }
        }
        single = steps.size() == 1 ? steps.get(0).id() : null;
    }

    /** The step this thread's process belongs to, or null when none of its ancestors is a step's command. */
    public String stepOf(ThreadInfo t) {
        for (int i = 0; i < MAX_DEPTH; i++) {
            ThreadInfo a = t.ancestor(i);
            if (a == null) break;
            String program = base(a.exe());
            for (Signature s : signatures) {
                if (s.program().equals(program) && s.args().equals(a.args()) && runsIn(s.where(), a.container())) return s.stepId();
            }
        }
        return null;
    }

    /** {@link #stepOf}, or the only step of a one-step scenario when no ancestor matches. */
    public String stepOrOnly(ThreadInfo t) {
        String s = stepOf(t);
        return s != null ? s : single;
    }

    /**
     * Whether a process in this container (null: the host) can be a step's: host steps run on the host, the
     * others in a container; a pod step's container is in the pod's namespace when the metadata says, a local
     * container step's container is named after it ({@code falconet-<scenario>-<name>}).
     */
    static boolean runsIn(Target where, ContainerInfo c) {
        return switch (where) {
            case Target.Host h -> c == null;
            case Target.Pod p -> c != null && (c.k8s() == null || c.k8s().nsName() == null || c.k8s().nsName().equals(p.namespace()));
            case Target.Container k -> c != null && (c.name().equals(k.name()) || c.name().endsWith("-" + k.name()));
        };
    }

    private static String base(String path) {
        // a compiled scenario tool ({tool:NAME}) runs as .../NAME
        Matcher tool = ScenarioTools.TOKEN.matcher(path);
        if (tool.matches()) return tool.group(1);
        int slash = path.lastIndexOf('/');
        return slash >= 0 ? path.substring(slash + 1) : path;
    }
}
