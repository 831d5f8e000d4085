package dev.falconet.engine.compile;

import dev.falconet.event.Event;
import dev.falconet.fields.BindResult;
import dev.falconet.fields.BoundField;
import dev.falconet.fields.FieldRegistry;
import dev.falconet.fields.UseContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rule's compiled output text: literal text and {@code %field} tokens, as Falco formats them
 * (falco-language.md C.6). After {@code %} come an optional width and the longest text that binds
 * as a field, shrinking from the right ({@code %proc.namex} prints proc.name and a literal x).
 * Missing values print {@code <NA>}. There is no escape for a literal {@code %}.
 */
public final class OutputFormat {

    /** The compiled format, or the error; warnings either way. */
    public record Result(OutputFormat format, String error, List<String> warnings) {}

    private sealed interface Part permits Literal, FieldPart {}

    private record Literal(String text) implements Part {}

    private record FieldPart(BoundField field, int width) implements Part {}

    private final String source;
    private final Part[] parts;
    private final FieldRegistry registry;
    private final dev.falconet.engine.EngineOptions.MissingReason missingReason;

    private OutputFormat(String source, List<Part> parts, FieldRegistry registry, dev.falconet.engine.EngineOptions.MissingReason missingReason) {
        this.source = source;
        this.parts = parts.toArray(Part[]::new);
        this.registry = registry;
        this.missingReason = missingReason;
    }

    public static Result compile(String format, FieldRegistry registry) {
        return compile(format, registry, dev.falconet.engine.EngineOptions.MissingReason.NONE);
    }

    /** As above; {@code missingReason} may explain a missing value ({@code <NA> (why)}). */
    public static Result compile(String format, FieldRegistry registry, dev.falconet.engine.EngineOptions.MissingReason missingReason) {
        List<Part> parts = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        int i = 0;
        int n = format.length();
        while (i < n) {
            char c = format.charAt(i);
            if (c != '%') {
                lit.append(c);
                i++;
                continue;
            }
            if (i + 1 >= n) return new Result(null, "formatting cannot end with a %", warnings);
            int j = i + 1;
            int width = 0;
            while (j < n && Character.isDigit(format.charAt(j))) width = width * 10 + (format.charAt(j++) - '0');
            int end = candidateEnd(format, j);
            BoundField bound = null;
            int used = end;
            while (used > j) {
                String token = format.substring(j, used);
                bound = bind(token, registry);
                if (bound != null) break;
                used = shrink(format, j, used);
            }
            if (bound == null) {
                String token = format.substring(j, Math.max(end, Math.min(n, j + 1)));
                return new Result(null, "invalid formatting token %" + token + ": unknown filter " + token, warnings);
            }
            if (!lit.isEmpty()) {
                parts.add(new Literal(lit.toString()));
                lit.setLength(0);
            }
            if (bound.def().name().equals("container.info")) {
                warnings.add("%container.info is deprecated and prints nothing");
            } else {
                if (bound.def().deprecated()) warnings.add("field '" + bound.displayName() + "' is deprecated");
                parts.add(new FieldPart(bound, width));
            }
            i = used;
        }
        if (!lit.isEmpty()) parts.add(new Literal(lit.toString()));
        return new Result(new OutputFormat(format, parts, registry, missingReason), null, warnings);
    }

    /** The end of the longest text after {@code %} that could be a field: name chars and one [arg]. */
    private static int candidateEnd(String s, int start) {
        int i = start;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '.')) i++;
        if (i < s.length() && s.charAt(i) == '[') {
            int close = s.indexOf(']', i);
            if (close > 0) i = close + 1;
        }
        return i;
    }

    /** The next shorter candidate: drop a trailing [arg] whole, otherwise one character. */
    private static int shrink(String s, int start, int end) {
        if (s.charAt(end - 1) == ']') {
            int open = s.lastIndexOf('[', end - 1);
            if (open > start) return open;
        }
        return end - 1;
    }

    private static BoundField bind(String token, FieldRegistry registry) {
        String name = token;
        String arg = null;
        int b = token.indexOf('[');
        if (b > 0 && token.endsWith("]")) {
            name = token.substring(0, b);
            arg = token.substring(b + 1, token.length() - 1);
        }
        if (name.endsWith(".")) return null;
        BindResult r = registry.bind(name, arg, UseContext.OUTPUT);
        return r.isOk() ? r.field() : null;
    }

    /** The formatted text for an event. */
    public String format(Event e) {
        StringBuilder sb = new StringBuilder(source.length() + 64);
        for (Part p : parts) {
            switch (p) {
                case Literal l -> sb.append(l.text);
                case FieldPart f -> {
                    Object raw = f.field.extract(e);
                    String v = registry.render(f.field, raw);
                    if (raw == null) {
                        java.util.Optional<String> why = missingReason.why(e, f.field.def().name());
                        if (why.isPresent()) v = v + " (" + why.get() + ")";
                    }
                    if (f.width > 0) {
                        if (v.length() > f.width) v = v.substring(0, f.width);
                        else v = v + " ".repeat(f.width - v.length());
                    }
                    sb.append(v);
                }
            }
        }
        return sb.toString();
    }

    /** The fields this output prints, by their output name, with typed values (null when missing). */
    public void collectFields(Event e, Map<String, Object> into) {
        for (Part p : parts) {
            if (p instanceof FieldPart f) into.put(f.field.displayName(), jsonValue(f.field.extract(e)));
        }
    }

    /** The names of the fields this output prints, in order. */
    public List<String> fieldNames() {
        List<String> names = new ArrayList<>();
        for (Part p : parts) if (p instanceof FieldPart f) names.add(f.field.displayName());
        return names;
    }

    public Map<String, Object> fields(Event e) {
        Map<String, Object> m = new LinkedHashMap<>();
        collectFields(e, m);
        return m;
    }

    private static Object jsonValue(Object v) {
        if (v == null || v instanceof Long || v instanceof Boolean || v instanceof String) return v;
        if (v instanceof Number num) return num.longValue();
        if (v instanceof byte[] b) return new String(b, java.nio.charset.StandardCharsets.UTF_8);
        if (v instanceof List<?> l) {
            StringBuilder sb = new StringBuilder();
            for (Object x : l) {
                if (!sb.isEmpty()) sb.append(' ');
                sb.append(x);
            }
            return sb.toString();
        }
        return String.valueOf(v);
    }

    public String source() {
        return source;
    }
}
