package dev.falconet.fields;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every field the engine knows: Falco's syscall fields ({@code evt.*}, {@code proc.*},
 * {@code thread.*}, {@code user.*}, {@code group.*}, {@code fd.*}), the container plugin's
 * ({@code container.*}, {@code k8s.*}) and the k8smeta plugin's ({@code k8smeta.*}).
 *
 * <p>The compiler binds each field use once ({@link #bind}) and calls the extractor per event.
 * Some fields take their argument after a dot as well as in brackets: {@code evt.arg.flags},
 * {@code evt.rawarg.res}, {@code k8s.pod.label.app}, {@code container.label.team}.
 */
public final class FieldRegistry {
    private static final String[] DOTTED_ARG_FIELDS = {"evt.arg", "evt.rawarg", "k8s.pod.label", "container.label"};
    private static volatile FieldRegistry standard;

    private final Map<String, FieldDef> byName;
    private final List<FieldDef> sorted;

    private FieldRegistry(Map<String, FieldDef> defs) {
        this.byName = new HashMap<>(defs);
        List<FieldDef> all = new ArrayList<>(defs.values());
        all.sort(Comparator.comparing(FieldDef::name));
        this.sorted = Collections.unmodifiableList(all);
    }

    /** The registry with every standard field; built once. */
    public static FieldRegistry standard() {
        FieldRegistry r = standard;
        if (r == null) {
            synchronized (FieldRegistry.class) {
                r = standard;
                if (r == null) {
                    FieldTable t = new FieldTable();
                    EventFields.register(t);
                    EventFields.registerPaths(t);
                    ProcessFields.register(t);
                    FdFields.register(t);
                    ContainerFields.register(t);
                    K8sFields.register(t);
                    r = new FieldRegistry(t.defs());
                    standard = r;
                }
            }
        }
        return r;
    }

    /** Whether {@link #standard()} has been built already. */
    public static boolean isBuilt() {
        return standard != null;
    }

    /** The definition with exactly this name (no argument part). */
    public Optional<FieldDef> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Every field, sorted by name. */
    public List<FieldDef> all() {
        return sorted;
    }

    /** Whether the field also takes its argument after a dot ({@code evt.arg.flags}). */
    static boolean isDottedArgField(String name) {
        for (String f : DOTTED_ARG_FIELDS) if (f.equals(name)) return true;
        return false;
    }

    /**
     * Binds one use of a field. {@code name} is the field as the parser read it (for
     * {@code evt.arg.flags} the whole dotted name), {@code arg} the bracket argument or null.
     * Errors carry Falco's wording where Falco has one.
     */
    public BindResult bind(String name, String arg, UseContext ctx) {
        FieldDef def = byName.get(name);
        if (def == null && arg == null) {
            for (String f : DOTTED_ARG_FIELDS) {
                if (name.length() > f.length() + 1 && name.startsWith(f) && name.charAt(f.length()) == '.') {
                    def = byName.get(f);
                    arg = name.substring(f.length() + 1);
                    break;
                }
            }
        }
        if (def == null) {
            return BindResult.error("filter_check called with nonexistent field " + (arg == null ? name : name + "[" + arg + "]"));
        }
        ArgKind kind = def.argKind();
        if (arg == null) {
            if (kind.required()) {
                return BindResult.error("field " + def.name() + " requires an argument, e.g. " + def.name() + example(kind));
            }
        } else {
            if (!kind.acceptsArg()) {
                return BindResult.error("field " + def.name() + " does not take an argument (found [" + arg + "])");
            }
            if (arg.isEmpty()) {
                return BindResult.error("field " + def.name() + " has an empty argument");
            }
            if (!kind.acceptsKey() && !EventFields.isDigits(arg)) {
                return BindResult.error("invalid index '" + arg + "' for field " + def.name() + ": expected a non-negative number");
            }
            if (EventFields.isDigits(arg) && kind.acceptsIndex() && arg.length() > 9) {
                return BindResult.error("index " + arg + " of field " + def.name() + " is too large");
            }
        }
        if (ctx == UseContext.OUTPUT && def.filterOnly()) {
            return BindResult.error("field " + def.name() + " can only be used in conditions, not in outputs");
        }
        return def.binder().bind(def, arg, ctx);
    }

    private static String example(ArgKind kind) {
        return kind.acceptsIndex() && !kind.acceptsKey() ? "[0]" : kind.acceptsIndex() ? "[0] or [/path]" : "[name]";
    }

    /** Known field names close to an unknown one (edit distance), nearest first, at most three. */
    public List<String> suggest(String unknownName) {
        String probe = unknownName;
        int bracket = probe.indexOf('[');
        if (bracket > 0) probe = probe.substring(0, bracket);
        int limit = Math.max(2, probe.length() / 4);
        record Candidate(String name, int distance) {}
        List<Candidate> found = new ArrayList<>();
        for (FieldDef d : sorted) {
            int dist = distance(probe, d.name(), limit);
            if (dist <= limit) found.add(new Candidate(d.name(), dist));
        }
        found.sort(Comparator.comparingInt(Candidate::distance).thenComparing(Candidate::name));
        List<String> out = new ArrayList<>(3);
        for (Candidate c : found) {
            if (out.size() == 3) break;
            out.add(c.name());
        }
        return out;
    }

    /** Levenshtein distance, giving up (returning limit + 1) once it must exceed the limit. */
    static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) return limit + 1;
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > limit) return limit + 1;
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** A value as Falco prints it in an output line: {@code <NA>} for null, lists as {@code (a,b)}. */
    public String render(BoundField f, Object value) {
        return renderValue(value);
    }

    /** {@link #render} without a field. */
    public static String renderValue(Object value) {
        if (value == null) return "<NA>";
        if (value instanceof String s) return s;
        if (value instanceof Long || value instanceof Integer) return value.toString();
        if (value instanceof Boolean b) return b ? "true" : "false";
        if (value instanceof byte[] bytes) return printable(bytes);
        if (value instanceof List<?> list) {
            if (list.size() == 1) return renderValue(list.get(0));
            StringBuilder sb = new StringBuilder("(");
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) sb.append(',');
                sb.append(renderValue(list.get(i)));
            }
            return sb.append(')').toString();
        }
        return String.valueOf(value);
    }

    private static String printable(byte[] b) {
        char[] out = new char[b.length];
        for (int i = 0; i < b.length; i++) {
            int c = b[i] & 0xff;
            out[i] = c >= 0x20 && c < 0x7f ? (char) c : '.';
        }
        return new String(out);
    }

    @Override
    public String toString() {
        return "FieldRegistry[" + sorted.size() + " fields]";
    }
}
