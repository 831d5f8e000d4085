package dev.falconet.lab.process;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One external command line ({@code minikube status -o json}): the program name and its arguments.
 * {@link #display()} renders it the way a user would type it in a shell, which is also what the app
 * shows as the "kubectl equivalent" of an action.
 */
public record ToolCommand(List<String> argv) {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    public ToolCommand {
        argv = List.copyOf(argv);
        if (argv.isEmpty()) throw new IllegalArgumentException("empty command");
    }

    public static ToolCommand of(String program, String... args) {
        Objects.requireNonNull(program, "program");
        var all = new java.util.ArrayList<String>(args.length + 1);
        all.add(program);
        all.addAll(List.of(args));
        return new ToolCommand(all);
    }

    /** The program name ({@code kubectl}). */
    public String program() {
        return argv.getFirst();
    }

    /** The arguments after the program name. */
    public List<String> args() {
        return argv.subList(1, argv.size());
    }

    /** A copy with more arguments appended. */
    public ToolCommand with(String... more) {
        var all = new java.util.ArrayList<>(argv);
        all.addAll(List.of(more));
        return new ToolCommand(all);
    }

    /** Shell-quoted, ready to paste into a terminal. */
    public String display() {
        var sb = new StringBuilder();
        for (String a : argv) {
            if (!sb.isEmpty()) sb.append(' ');
            sb.append(quote(a));
        }
        return sb.toString();
    }

    static String quote(String a) {
        if (!a.isEmpty() && SAFE.matcher(a).matches()) return a;
        return "'" + a.replace("'", "'\\''") + "'";
    }

    @Override
    public String toString() {
        return display();
    }
}
