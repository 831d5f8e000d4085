package dev.falconet.engine.compile;

import dev.falconet.engine.dns.NameResolver;
import dev.falconet.engine.eval.Cidr;
import dev.falconet.engine.eval.CheckNode;
import dev.falconet.engine.eval.EventTypeNode;
import dev.falconet.engine.eval.Getter;
import dev.falconet.engine.eval.JunctionNode;
import dev.falconet.engine.eval.MacroNode;
import dev.falconet.engine.eval.NeverTrueNode;
import dev.falconet.engine.eval.Node;
import dev.falconet.engine.eval.NotNode;
import dev.falconet.engine.eval.ValueTest;
import dev.falconet.event.EventTypes;
import dev.falconet.fields.BindResult;
import dev.falconet.fields.BoundField;
import dev.falconet.fields.FieldRegistry;
import dev.falconet.fields.FieldType;
import dev.falconet.fields.Multiplicity;
import dev.falconet.fields.UseContext;
import dev.falconet.rules.ast.Expr;
import dev.falconet.rules.ast.ExprPrinter;
import dev.falconet.rules.ast.Op;
import dev.falconet.rules.ast.Operand;
import dev.falconet.rules.ast.Pos;
import dev.falconet.rules.ast.Transformer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Compiles a macro-resolved condition tree into evaluator {@link Node}s: binds every field to its
 * extractor, checks operators against field types, parses constants to typed values, and builds
 * one specialised test per check. Errors and warnings are collected (with the position of the
 * check), not thrown; a condition with errors yields no node.
 */
public final class ConditionCompiler {

    /**
     * A finding while compiling, at a position of the condition text, or of the body of
     * {@code macro} when it is inside one (the innermost macro; null for the rule's own text).
     */
    public record Finding(boolean error, String code, String message, Pos pos, String macro) {}

    /** The compiled condition (null when there were errors) and every finding. */
    public record Result(Node node, List<Finding> findings) {
        public boolean ok() {
            return node != null;
        }
    }

    private final FieldRegistry fields;
    private final FieldSlots slots;
    private final NameResolver resolver;
    private final List<Finding> findings = new ArrayList<>();
    private final java.util.ArrayDeque<String> macros = new java.util.ArrayDeque<>();

    private ConditionCompiler(FieldRegistry fields, FieldSlots slots, NameResolver resolver) {
        this.fields = fields;
        this.slots = slots;
        this.resolver = resolver;
    }

    /** Compiles a condition on its own (its field slots are not shared with other conditions). */
    public static Result compile(Expr condition, FieldRegistry fields) {
        return compile(condition, fields, new FieldSlots());
    }

    /** Compiles a condition; field uses get slots in {@code slots}, shared by every condition of an engine. */
    public static Result compile(Expr condition, FieldRegistry fields, FieldSlots slots) {
        return compile(condition, fields, slots, NameResolver.NONE);
    }

    /** As above; {@code resolver} answers the domain names that {@code fd.sip.name} and friends are compared with. */
    public static Result compile(Expr condition, FieldRegistry fields, FieldSlots slots, NameResolver resolver) {
        ConditionCompiler c = new ConditionCompiler(fields, slots, resolver);
        Node n;
        try {
            n = c.node(condition);
        } catch (CompileFailure f) {
            n = null;
        }
        boolean failed = c.findings.stream().anyMatch(Finding::error);
        return new Result(failed ? null : n, List.copyOf(c.findings));
    }

    private Node node(Expr e) {
        return switch (e) {
            case Expr.And a -> JunctionNode.and(a.children().stream().map(this::node).toList(), ExprPrinter.print(a), a.pos());
            case Expr.Or o -> JunctionNode.or(o.children().stream().map(this::node).toList(), ExprPrinter.print(o), o.pos());
            case Expr.Not n -> new NotNode(node(n.child()), ExprPrinter.print(n), n.pos());
            case Expr.MacroUse m -> {
                macros.push(m.name());
                try {
                    yield new MacroNode(m.name(), node(m.body()), m.pos(), slots.slot("macro " + m.name()));
                } finally {
                    macros.pop();
                }
            }
            case Expr.MacroRef m -> throw error("LOAD_ERR_VALIDATE", "Undefined macro '" + m.name() + "' used in filter.", m.pos());
            case Expr.Check c -> check(c);
        };
    }

    // ---------------------------------------------------------------- checks

    private Node check(Expr.Check c) {
        Node n = compileCheck(c);
        return neverTrue(c) ? new NeverTrueNode(n) : n;
    }

    /** {@code evt.num} starts at 1: {@code evt.num=0}, {@code <1}, {@code <=0}, {@code in (0)} are never true. */
    private static boolean neverTrue(Expr.Check c) {
        if (!(c.lhs() instanceof Operand.Field f) || f.arg() != null || !f.name().equals("evt.num") || c.modifier() != null) return false;
        List<Long> values = new ArrayList<>();
        if (c.rhs() instanceof Operand.Value v) values.add(ConstantParser.decimal(v.text()));
        else if (c.rhs() instanceof Operand.ValueList l) l.items().forEach(v -> values.add(ConstantParser.decimal(v.text())));
        if (values.isEmpty() || values.contains(null)) return false;
        return switch (c.op()) {
            case EQ, EQEQ, IN, INTERSECTS -> values.stream().allMatch(x -> x < 1);
            case LT -> values.getFirst() <= 1;
            case LE -> values.getFirst() < 1;
            default -> false;
        };
    }

    private Node compileCheck(Expr.Check c) {
        String text = ExprPrinter.print(c);
        if (c.lhs() instanceof Operand.Field f && f.arg() == null && isEventType(f.name())
                && (c.op() == Op.EQ || c.op() == Op.EQEQ || c.op() == Op.IN || c.op() == Op.NE)
                && (c.rhs() instanceof Operand.Value || c.rhs() instanceof Operand.ValueList) && c.modifier() == null) {
            return eventTypeCheck(c, f, text);
        }
        if (c.lhs() instanceof Operand.Field f && f.arg() == null && NAME_FIELDS.containsKey(f.name())
                && (c.rhs() instanceof Operand.Value || c.rhs() instanceof Operand.ValueList) && c.modifier() == null
                && (c.op() == Op.EQ || c.op() == Op.EQEQ || c.op() == Op.IN || c.op() == Op.INTERSECTS || c.op() == Op.NE)) {
            return nameCheck(c, f, text);
        }
        Side lhs = side(c.lhs());
        if (!lhs.allowedOps().contains(c.op())) {
            throw error("LOAD_ERR_COMPILE_CONDITION", "'" + c.op().text() + "' operator not supported for " + category(lhs) + " filters", c.pos());
        }
        if (c.op() == Op.EXISTS) {
            CheckNode.Mode mode = lhs.multiplicity == Multiplicity.SINGLE || lhs.multiplicity == Multiplicity.LIST ? CheckNode.Mode.ONE : CheckNode.Mode.ANY;
            return new CheckNode(lhs.getter, (v, e) -> true, mode, text, lhs.text, lhs.render, null, null, c.pos());
        }
        ValueTest test;
        Getter rhsGetter = null;
        String rhsText = null;
        switch (c.rhs()) {
            case Operand.FieldValue fv -> {
                Side rhs = side(fv.field());
                rhsGetter = rhs.getter;
                rhsText = ExprPrinter.print(fv);
                test = dynamic(c.op(), rhs, c.pos());
            }
            case Operand.Transform t -> {
                Side rhs = side(t);
                rhsGetter = rhs.getter;
                rhsText = ExprPrinter.print(t);
                test = dynamic(c.op(), rhs, c.pos());
            }
            case Operand.Value v -> test = constantTest(c, lhs, List.of(v));
            case Operand.ValueList l -> test = constantTest(c, lhs, l.items());
            case Operand.Field f -> throw error("LOAD_ERR_COMPILE_CONDITION", "a field cannot be compared directly; use val(" + f.text() + ")", c.pos());
        }
        CheckNode.Mode mode = switch (lhs.multiplicity) {
            case SINGLE, LIST -> CheckNode.Mode.ONE;
            case ANY_ANCESTOR -> CheckNode.Mode.ANY;
            case EITHER_ENDPOINT -> c.op() == Op.NE ? CheckNode.Mode.NONE : CheckNode.Mode.ANY;
        };
        if (lhs.multiplicity == Multiplicity.EITHER_ENDPOINT && c.op() == Op.NE) {
            // "!=" on fd.ip and friends: true when neither side equals the value
            test = constantOrDynamicEquality(c, lhs, test);
        }
        return new CheckNode(lhs.getter, test, mode, text, lhs.text, lhs.render, rhsGetter, rhsText, c.pos());
    }

    private ValueTest constantOrDynamicEquality(Expr.Check c, Side lhs, ValueTest neTest) {
        if (c.rhs() instanceof Operand.Value v) {
            Expr.Check eq = new Expr.Check(c.lhs(), Op.EQ, null, c.rhs(), c.pos());
            return constantTest(eq, lhs, List.of(v));
        }
        return (v, e) -> !neTest.test(v, e);
    }

    private ValueTest constantTest(Expr.Check c, Side lhs, List<Operand.Value> items) {
        for (Operand.Value v : items) {
            if (!v.quoted() && fields.find(v.text()).isPresent() && v.text().indexOf('.') > 0) {
                warn("LOAD_COMPILE_CONDITION", "'" + v.text() + "' may be a valid field misused as a const string value", v.pos());
            }
        }
        if (lhs.multiplicity == Multiplicity.LIST) {
            return ValueTests.list(c.op(), items.stream().<Object>map(Operand.Value::text).toList());
        }
        boolean hex = c.op() == Op.BCONTAINS || c.op() == Op.BSTARTSWITH;
        List<Object> values = new ArrayList<>();
        for (Operand.Value v : items) {
            ConstantParser.Parsed p = hex ? ConstantParser.hex(v.text()) : ConstantParser.parse(v.text(), lhs.type);
            if (p.error() != null) throw error("LOAD_ERR_COMPILE_CONDITION", p.error(), v.pos());
            values.add(p.value());
        }
        if (c.op() == Op.REGEX) {
            try {
                com.google.re2j.Pattern.compile((String) values.getFirst());
            } catch (com.google.re2j.PatternSyntaxException ex) {
                throw error("LOAD_ERR_COMPILE_CONDITION", "invalid regular expression '" + values.getFirst() + "': " + ex.getDescription(), c.pos());
            }
        }
        if (c.modifier() != null) {
            List<ValueTest> tests = new ArrayList<>();
            for (Object v : values) tests.add(ValueTests.constant(c.op(), lhs.type, List.of(v)));
            return ValueTests.modifier(c.modifier(), tests);
        }
        if (!c.op().takesList() && values.size() != 1) {
            throw error("LOAD_ERR_COMPILE_CONDITION", "'" + c.op().text() + "' takes one value", c.pos());
        }
        return ValueTests.constant(c.op(), lhs.type, values);
    }

    /** Field-to-field comparison ({@code val()} or a transformer on the right): decided per event. */
    private ValueTest dynamic(Op op, Side rhs, Pos pos) {
        Getter g = rhs.getter;
        return switch (op) {
            case EQ, EQEQ, IN, INTERSECTS -> (v, e) -> {
                Object r = g.get(e);
                return r != null && sameValue(v, r);
            };
            case NE -> (v, e) -> {
                Object r = g.get(e);
                return r != null && !sameValue(v, r);
            };
            case LT, LE, GT, GE -> (v, e) -> {
                Object r = g.get(e);
                if (r == null) return false;
                int cmp = v instanceof Long a && r instanceof Long b ? Long.compare(a, b) : String.valueOf(v).compareTo(String.valueOf(r));
                return switch (op) {
                    case LT -> cmp < 0;
                    case LE -> cmp <= 0;
                    case GT -> cmp > 0;
                    default -> cmp >= 0;
                };
            };
            case CONTAINS -> (v, e) -> {
                Object r = g.get(e);
                return r != null && String.valueOf(v).contains(String.valueOf(r));
            };
            case ICONTAINS -> (v, e) -> {
                Object r = g.get(e);
                return r != null && ValueTests.containsIgnoreCase(String.valueOf(v), ValueTests.lowerAscii(String.valueOf(r)));
            };
            case STARTSWITH, BSTARTSWITH -> (v, e) -> {
                Object r = g.get(e);
                return r != null && String.valueOf(v).startsWith(String.valueOf(r));
            };
            case ENDSWITH -> (v, e) -> {
                Object r = g.get(e);
                return r != null && String.valueOf(v).endsWith(String.valueOf(r));
            };
            default -> throw error("LOAD_ERR_COMPILE_CONDITION", "'" + op.text() + "' cannot compare with a field value", pos);
        };
    }

    private static boolean sameValue(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) return x.longValue() == y.longValue();
        return String.valueOf(a).equals(String.valueOf(b));
    }

    private Node eventTypeCheck(Expr.Check c, Operand.Field f, String text) {
        List<Operand.Value> items = c.rhs() instanceof Operand.Value v ? List.of(v) : ((Operand.ValueList) c.rhs()).items();
        boolean[] matches = new boolean[EventTypes.CAPACITY];
        for (Operand.Value v : items) {
            int id = EventTypes.id(v.text());
            if (id < 0) throw error("LOAD_ERR_COMPILE_CONDITION", "unknown event type " + v.text(), v.pos());
            matches[id] = true;
        }
        if (c.op() == Op.NE) for (int i = 0; i < matches.length; i++) matches[i] = !matches[i];
        return new EventTypeNode(matches, text, f.name(), c.pos());
    }

    /** The DNS-name fields and the address field each one names. */
    private static final java.util.Map<String, String> NAME_FIELDS = java.util.Map.of(
            "fd.sip.name", "fd.sip", "fd.cip.name", "fd.cip", "fd.lip.name", "fd.lip", "fd.rip.name", "fd.rip");

    /**
     * {@code fd.sip.name = example.com} as libsinsp decides it: the connection's server address is
     * one of the addresses the name resolves to (resolution is the resolver's, asynchronous).
     */
    private Node nameCheck(Expr.Check c, Operand.Field f, String text) {
        List<String> names = c.rhs() instanceof Operand.Value v ? List.of(v.text())
                : ((Operand.ValueList) c.rhs()).items().stream().map(Operand.Value::text).toList();
        Side ip = field(new Operand.Field(NAME_FIELDS.get(f.name()), null, f.pos()));
        NameResolver r = resolver;
        ValueTest resolvesTo = (v, fr) -> {
            byte[] a = Cidr.address(String.valueOf(v));
            if (a == null) return false;
            for (String name : names) {
                for (String addr : r.addresses(name)) {
                    if (java.util.Arrays.equals(Cidr.address(addr), a)) return true;
                }
            }
            return false;
        };
        ValueTest test = c.op() == Op.NE ? (v, fr) -> !resolvesTo.test(v, fr) : resolvesTo;
        return new CheckNode(ip.getter, test, CheckNode.Mode.ONE, text, f.text() + " (via " + ip.text + ")", ip.render, null, null, c.pos());
    }

    private static boolean isEventType(String name) {
        return name.equals("evt.type") || name.equals("syscall.type");
    }

    // ---------------------------------------------------------------- operands

    /** One side of a check, compiled: how to read it, its type, and how to show it. */
    private record Side(Getter getter, FieldType type, Multiplicity multiplicity, String text,
                        Function<Object, String> render, java.util.Set<Op> allowedOps) {}

    private Side side(Operand o) {
        return switch (o) {
            case Operand.Field f -> field(f);
            case Operand.Transform t -> transform(t);
            default -> throw error("LOAD_ERR_COMPILE_CONDITION", "expected a field or a transformer", o.pos());
        };
    }

    private Side field(Operand.Field f) {
        BindResult r = fields.bind(f.name(), f.arg(), UseContext.CONDITION);
        if (!r.isOk()) {
            String msg = r.error();
            List<String> near = fields.suggest(f.name());
            if (!near.isEmpty() && fields.find(f.name()).isEmpty()) msg += " (did you mean " + String.join(", ", near) + "?)";
            throw error("LOAD_ERR_COMPILE_CONDITION", msg, f.pos());
        }
        BoundField b = r.field();
        if (b.def().deprecated()) warn("LOAD_DEPRECATED_ITEM", "field '" + f.text() + "' is deprecated", f.pos());
        int slot = slots.slot(f.text() + "#" + b.multiplicity());
        dev.falconet.fields.FieldExtractor x = b.extractor();
        return new Side(new dev.falconet.engine.eval.FieldGetter(slot, x), b.type(), b.multiplicity(), f.text(), v -> renderValue(b, v), b.allowedOps());
    }

    private String renderValue(BoundField b, Object v) {
        if (v instanceof List<?> l) {
            StringBuilder sb = new StringBuilder();
            for (Object x : l) {
                if (!sb.isEmpty()) sb.append(' ');
                sb.append(x instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(x));
            }
            return sb.toString();
        }
        return fields.render(b, v);
    }

    private Side transform(Operand.Transform t) {
        if (t.args().size() != 1) throw error("LOAD_ERR_COMPILE_CONDITION", "transformer '" + t.transformer().text() + "' takes one argument", t.pos());
        Side in = side(t.args().getFirst());
        Transformer tr = t.transformer();
        boolean textual = in.type == FieldType.CHARBUF || in.type == FieldType.FSPATH || in.type == FieldType.BYTEBUF;
        if (tr != Transformer.LEN && (!textual || in.multiplicity == Multiplicity.LIST)) {
            throw error("LOAD_ERR_COMPILE_CONDITION", "field '" + in.text + "' does not support transformers", t.pos());
        }
        Function<Object, Object> f = switch (tr) {
            case TOLOWER -> v -> asText(v).toLowerCase(Locale.ROOT);
            case TOUPPER -> v -> asText(v).toUpperCase(Locale.ROOT);
            case BASENAME -> v -> {
                String s = asText(v);
                return s.substring(s.lastIndexOf('/') + 1);
            };
            case B64 -> v -> {
                try {
                    return new String(Base64.getDecoder().decode(asText(v).trim()), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            };
            case LEN -> v -> v instanceof List<?> l ? (long) l.size() : v instanceof byte[] b ? (long) b.length : (long) asText(v).length();
        };
        Getter g = in.getter;
        boolean perElement = in.multiplicity == Multiplicity.ANY_ANCESTOR || in.multiplicity == Multiplicity.EITHER_ENDPOINT;
        Getter out;
        if (perElement && tr != Transformer.LEN) {
            out = e -> {
                Object v = g.get(e);
                if (v == null) return null;
                List<Object> res = new ArrayList<>(((List<?>) v).size());
                for (Object x : (List<?>) v) res.add(x == null ? null : f.apply(x));
                return res;
            };
        } else {
            out = e -> {
                Object v = g.get(e);
                return v == null ? null : f.apply(v);
            };
        }
        FieldType type = tr == Transformer.LEN ? FieldType.INT64 : FieldType.CHARBUF;
        Multiplicity m = tr == Transformer.LEN ? Multiplicity.SINGLE : in.multiplicity;
        return new Side(out, type, m, ExprPrinter.print(t), String::valueOf, type.allowedOps());
    }

    private static String asText(Object v) {
        return v instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(v);
    }

    private static String category(Side s) {
        if (s.multiplicity == Multiplicity.LIST) return "list";
        if (s.type.isNumeric()) return "numeric";
        return switch (s.type) {
            case BOOL -> "boolean";
            case IPADDR, IPNET -> "IP address";
            case BYTEBUF -> "buffer";
            default -> "string";
        };
    }

    // ---------------------------------------------------------------- findings

    private CompileFailure error(String code, String message, Pos pos) {
        findings.add(new Finding(true, code, message, pos, macros.peek()));
        return new CompileFailure();
    }

    private void warn(String code, String message, Pos pos) {
        findings.add(new Finding(false, code, message, pos, macros.peek()));
    }

    /** Unwinds compilation after the first error of a condition (Falco reports the first one too). */
    private static final class CompileFailure extends RuntimeException {
        CompileFailure() {
            super(null, null, false, false);
        }
    }
}
