package dev.falconet.scenario.run;

import dev.falconet.event.ThreadInfo;
import dev.falconet.scenario.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which step caused an event: the step whose command is the event's process or one of its ancestors.
 * A process is a step's command when its program name (argv[0]'s last path element) and arguments are the
 * step's; a shell step also matches its command line split at spaces, since {@code sh -c} often execs a
 * single command in place of itself. Works the same live and in replay, since captures carry the
 * process tree.
 */
public final class StepAttribution {
    /** How far up the process tree a step's command is looked for. */
    static final int MAX_DEPTH = 32;
    private static final Pattern SHELL_META = Pattern.compile("[|&;<>()$`\\\\\"'*?\\[\\]#~=%{}!\\n]");

    private record Signature(String stepId, String program, List<String> args) {}

    private final List<Signature> signatures = new ArrayList<>();
    private final String single;

    public StepAttribution(List<Step> steps) {
        for (Step s : steps) {
            List<String> cl = s.commandLine();
            signatures.add(new Signature(s.id(), base(cl.get(0)), cl.subList(1, cl.size())));
            if (s.shell() != null && !SHELL_META.matcher(s.shell()).find()) {
                List<String> words = List.of(s.shell().strip().split("\\s+"));
                if (!words.isEmpty() && !words.get(0).isEmpty())
                    signatures.add(new Signature(s.id(), base(words.get(0)), words.subList(1, words.size())));
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
                if (s.program().equals(program) && s.args().equals(a.args())) return s.stepId();
            }
        }
        return null;
    }

    /** {@link #stepOf}, or the only step of a one-step scenario when no ancestor matches. */
    public String stepOrOnly(ThreadInfo t) {
        String s = stepOf(t);
        return s != null ? s : single;
    }

    private static String base(String path) {
        int slash = path.lastIndexOf('/');
        return slash >= 0 ? path.substring(slash + 1) : path;
    }
}
