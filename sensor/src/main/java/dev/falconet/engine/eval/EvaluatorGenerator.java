package dev.falconet.engine.eval;

import static java.lang.constant.ConstantDescs.BSM_CLASS_DATA_AT;
import static java.lang.constant.ConstantDescs.CD_Object;
import static java.lang.constant.ConstantDescs.CD_boolean;
import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_void;
import static java.lang.constant.ConstantDescs.DEFAULT_NAME;
import static java.lang.constant.ConstantDescs.INIT_NAME;

import dev.falconet.event.Event;
import dev.falconet.fields.FieldExtractor;
import java.lang.classfile.ClassBuilder;
import java.lang.classfile.ClassFile;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.TypeKind;
import java.lang.classfile.instruction.SwitchCase;
import java.lang.constant.ClassDesc;
import java.lang.constant.DynamicConstantDesc;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles the specialised conditions of one event type's candidate rules to a hidden class
 * (JDK {@code java.lang.classfile}), so evaluation does no node dispatch: {@code and}/{@code or}/
 * {@code not} become branches, each macro a static method that memoises its value in the frame,
 * each check an inline null test plus a call on its own getter and value test.
 *
 * <p>Getters and tests are loaded as class-data constants, so every call site has one constant
 * receiver: the JIT inlines field extraction and the comparison into the rule's code (no megamorphic
 * interface calls, no lambda indirection left at run time). The interpreted nodes stay the reference
 * semantics (explanations use them); a test runs both over every fixture and capture.
 *
 * <pre>
 *   int next(Frame f, int from)      switch (from) { case 0: if (r0(f)) return 0; case 1: if (r1(f)) return 1; ... } return -1;
 *   static boolean rK(Frame f)       the K-th candidate's condition
 *   static boolean mS(Frame f)       macro with frame slot S: its memo in the frame, else evaluate and memoise
 *   static Object fK(Frame f)        a field: the frame's memoised value, else the extractor's (then memoised)
 * </pre>
 */
public final class EvaluatorGenerator {
    private static final ClassDesc CD_FRAME = desc(Frame.class);
    private static final ClassDesc CD_GETTER = desc(Getter.class);
    private static final ClassDesc CD_TEST = desc(ValueTest.class);
    private static final ClassDesc CD_NODE = desc(Node.class);
    private static final ClassDesc CD_CHECK = desc(CheckNode.class);
    private static final ClassDesc CD_LIST = ClassDesc.of("java.util.List");
    private static final ClassDesc CD_EVALUATOR = desc(CandidateEvaluator.class);
    private static final ClassDesc THIS = ClassDesc.of(EvaluatorGenerator.class.getPackageName() + ".GeneratedRules");
    private static final MethodTypeDesc BOOL_OF_FRAME = MethodTypeDesc.of(CD_boolean, CD_FRAME);
    private static final MethodTypeDesc GET = MethodTypeDesc.of(CD_Object, CD_FRAME);
    private static final MethodTypeDesc TEST = MethodTypeDesc.of(CD_boolean, CD_Object, CD_FRAME);
    private static final MethodTypeDesc ANY_OF = MethodTypeDesc.of(CD_boolean, CD_LIST, CD_TEST, CD_FRAME);
    private static final MethodTypeDesc NEXT = MethodTypeDesc.of(CD_int, CD_FRAME, CD_int);
    private static final ClassDesc CD_EXTRACTOR = desc(FieldExtractor.class);
    private static final ClassDesc CD_EVENT = desc(Event.class);
    private static final MethodTypeDesc EXTRACT = MethodTypeDesc.of(CD_Object, CD_EVENT);
    private static final MethodTypeDesc ENSURE = MethodTypeDesc.of(CD_void, CD_int);

    private final List<Object> constants = new ArrayList<>();
    private final Map<Object, DynamicConstantDesc<?>> constantDescs = new IdentityHashMap<>();
    private final Map<Integer, MacroNode> macros = new LinkedHashMap<>();
    private final Deque<MacroNode> pendingMacros = new ArrayDeque<>();
    /** One static method per field read by the candidates: the frame's memo, then the extractor on a miss. */
    private final Map<FieldGetter, String> fieldMethods = new LinkedHashMap<>();
    private int maxSlot;

    private EvaluatorGenerator() {}

    /**
     * Generates and loads the evaluator of one event type's candidates.
     *
     * @param conditions the candidates' conditions specialised for the type, in evaluation order
     */
    public static CandidateEvaluator generate(List<Node> conditions) {
        EvaluatorGenerator g = new EvaluatorGenerator();
        byte[] bytes = ClassFile.of().build(THIS, cb -> g.build(cb, conditions));

        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup().defineHiddenClassWithClassData(bytes, List.copyOf(g.constants), true);
            return (CandidateEvaluator) lookup.findConstructor(lookup.lookupClass(), MethodType.methodType(void.class)).invoke();
        } catch (Throwable e) {
            throw new IllegalStateException("generated rule evaluator failed to load: " + e, e);
        }
    }

    private void build(ClassBuilder cb, List<Node> conditions) {
        cb.withFlags(ClassFile.ACC_FINAL | ClassFile.ACC_SYNTHETIC);
        cb.withSuperclass(CD_EVALUATOR);
        cb.withMethodBody(INIT_NAME, MethodTypeDesc.of(CD_void), ClassFile.ACC_PUBLIC,
                c -> c.aload(0).invokespecial(CD_EVALUATOR, INIT_NAME, MethodTypeDesc.of(CD_void)).return_());
        int n = conditions.size();
        for (int i = 0; i < n; i++) {
            Node cond = conditions.get(i);
            cb.withMethodBody("r" + i, BOOL_OF_FRAME, ClassFile.ACC_PRIVATE | ClassFile.ACC_STATIC, c -> rule(c, cond));
        }
        while (!pendingMacros.isEmpty()) {
            MacroNode m = pendingMacros.poll();
            maxSlot = Math.max(maxSlot, m.slot());
            cb.withMethodBody(macroMethod(m), BOOL_OF_FRAME, ClassFile.ACC_PRIVATE | ClassFile.ACC_STATIC, c -> macro(c, m));
        }
        for (Map.Entry<FieldGetter, String> x : fieldMethods.entrySet()) {
            maxSlot = Math.max(maxSlot, x.getKey().slot());
            cb.withMethodBody(x.getValue(), GET, ClassFile.ACC_PRIVATE | ClassFile.ACC_STATIC, c -> field(c, x.getKey()));
        }
        int slots = maxSlot + 1;
        cb.withMethodBody("next", NEXT, ClassFile.ACC_PUBLIC, c -> next(c, n, slots));
    }

    /**
     * {@code static Object fK(Frame f)}: the field's value memoised in the frame, extracted on a miss.
     * The frame's arrays are read here, not through {@link Frame#value}: that shared method is often
     * too big to inline in large rule methods, and its extractor call is then a megamorphic interface
     * call; here the call site has one constant receiver, which the JIT inlines.
     */
    private void field(CodeBuilder c, FieldGetter g) {
        int stamps = c.allocateLocal(TypeKind.REFERENCE);
        int gen = c.allocateLocal(TypeKind.INT);
        int v = c.allocateLocal(TypeKind.REFERENCE);
        Label miss = c.newLabel();
        c.aload(0).getfield(CD_FRAME, "stamps", CD_int.arrayType()).astore(stamps);
        c.aload(0).getfield(CD_FRAME, "generation", CD_int).istore(gen);
        c.aload(stamps).loadConstant(g.slot()).iaload().iload(gen).if_icmpne(miss);
        c.aload(0).getfield(CD_FRAME, "values", CD_Object.arrayType()).loadConstant(g.slot()).aaload().areturn();
        c.labelBinding(miss);
        c.loadConstant(constant(g.extractor(), CD_EXTRACTOR)).aload(0).getfield(CD_FRAME, "event", CD_EVENT)
                .invokeinterface(CD_EXTRACTOR, "extract", EXTRACT).astore(v);
        c.aload(0).getfield(CD_FRAME, "values", CD_Object.arrayType()).loadConstant(g.slot()).aload(v).aastore();
        c.aload(stamps).loadConstant(g.slot()).iload(gen).iastore();
        c.aload(v).areturn();
    }

    /** {@code switch (from)} into the chain of rule tests; the first true one returns its index. */
    private static void next(CodeBuilder c, int n, int slots) {
        // the field methods index the frame's arrays directly: make sure they are long enough
        c.aload(1).loadConstant(slots).invokevirtual(CD_FRAME, "ensureCapacity", ENSURE);
        Label[] at = new Label[n + 1];
        for (int i = 0; i <= n; i++) at[i] = c.newLabel();
        List<SwitchCase> cases = new ArrayList<>(n);
        for (int i = 0; i < n; i++) cases.add(SwitchCase.of(i, at[i]));
        c.iload(2);
        if (n > 0) c.tableswitch(0, n - 1, at[n], cases);
        else c.pop();
        for (int i = 0; i < n; i++) {
            c.labelBinding(at[i]);
            c.aload(1).invokestatic(THIS, "r" + i, BOOL_OF_FRAME).ifeq(at[i + 1]);
            c.loadConstant(i).ireturn();
        }
        c.labelBinding(at[n]);
        c.iconst_m1().ireturn();
    }

    private void rule(CodeBuilder c, Node cond) {
        int tmp = c.allocateLocal(TypeKind.REFERENCE);
        Label no = c.newLabel();
        jumpIf(c, cond, no, false, tmp);
        c.iconst_1().ireturn();
        c.labelBinding(no);
        c.iconst_0().ireturn();
    }

    private void macro(CodeBuilder c, MacroNode m) {
        // the frame's macro memo read and written in place (as Frame.macro does):
        // macros[slot] == generation << 1 | value when already evaluated for this event
        int state = c.allocateLocal(TypeKind.INT);
        int tmp = c.allocateLocal(TypeKind.REFERENCE);
        Label compute = c.newLabel();
        Label no = c.newLabel();
        c.aload(0).getfield(CD_FRAME, "macros", CD_int.arrayType()).loadConstant(m.slot()).iaload().istore(state);
        c.iload(state).iconst_1().iushr().aload(0).getfield(CD_FRAME, "generation", CD_int).if_icmpne(compute);
        c.iload(state).iconst_1().iand().ireturn();
        c.labelBinding(compute);
        jumpIf(c, m.body(), no, false, tmp);
        store(c, m, true);
        c.labelBinding(no);
        store(c, m, false);
    }

    private static void store(CodeBuilder c, MacroNode m, boolean v) {
        c.aload(0).getfield(CD_FRAME, "macros", CD_int.arrayType()).loadConstant(m.slot())
                .aload(0).getfield(CD_FRAME, "generation", CD_int).iconst_1().ishl();
        if (v) c.iconst_1().ior();
        c.iastore();
        c.loadConstant(v ? 1 : 0).ireturn();
    }

    /**
     * Emits code that jumps to {@code target} when {@code n} evaluates to {@code when} and falls
     * through otherwise, with the interpreted nodes' short-circuit order.
     */
    private void jumpIf(CodeBuilder c, Node n, Label target, boolean when, int tmp) {
        switch (n) {
            case ConstNode k -> {
                if (k.value() == when) c.goto_(target);
            }
            case NotNode x -> jumpIf(c, x.child(), target, !when, tmp);
            case JunctionNode j -> {
                Node[] children = j.children();
                if (when != j.isAnd()) {
                    // the deciding value (false for and, true for or) jumps as soon as one operand has it
                    for (Node x : children) jumpIf(c, x, target, when, tmp);
                } else {
                    // every operand must have the value: the first that has not skips the jump
                    Label skip = c.newLabel();
                    for (int i = 0; i < children.length - 1; i++) jumpIf(c, children[i], skip, !when, tmp);
                    jumpIf(c, children[children.length - 1], target, when, tmp);
                    c.labelBinding(skip);
                }
            }
            case MacroNode m -> {
                if (macros.putIfAbsent(m.slot(), m) == null) pendingMacros.add(m);
                c.aload(0).invokestatic(THIS, macroMethod(m), BOOL_OF_FRAME);
                branch(c, target, when);
            }
            case CheckNode k -> check(c, k, target, when, tmp);
            default -> {
                c.loadConstant(constant(n, CD_NODE)).aload(0).invokeinterface(CD_NODE, "eval", BOOL_OF_FRAME);
                branch(c, target, when);
            }
        }
    }

    /** A check: a value that cannot be extracted (null) makes it false; otherwise the test decides. */
    private void check(CodeBuilder c, CheckNode k, Label target, boolean when, int tmp) {
        Label skip = c.newLabel();
        if (k.lhs() instanceof FieldGetter fg) {
            String m = fieldMethods.computeIfAbsent(fg, x -> "f" + fieldMethods.size());
            c.aload(0).invokestatic(THIS, m, GET).astore(tmp);
        } else {
            c.loadConstant(constant(k.lhs(), CD_GETTER)).aload(0).invokeinterface(CD_GETTER, "get", GET).astore(tmp);
        }
        c.aload(tmp).ifnull(when ? skip : target);
        switch (k.mode()) {
            case ONE -> c.loadConstant(constant(k.test(), CD_TEST)).aload(tmp).aload(0).invokeinterface(CD_TEST, "test", TEST);
            case ANY, NONE -> c.aload(tmp).checkcast(CD_LIST).loadConstant(constant(k.test(), CD_TEST)).aload(0)
                    .invokestatic(CD_CHECK, "anyOf", ANY_OF);
        }
        branch(c, target, k.mode() == CheckNode.Mode.NONE ? !when : when);
        c.labelBinding(skip);
    }

    private static void branch(CodeBuilder c, Label target, boolean when) {
        if (when) c.ifne(target);
        else c.ifeq(target);
    }

    private static String macroMethod(MacroNode m) {
        return "m" + m.slot();
    }

    /** A class-data constant: loaded with {@code ldc}, so the JIT sees the object (and its final fields) as constant. */
    private DynamicConstantDesc<?> constant(Object value, ClassDesc type) {
        return constantDescs.computeIfAbsent(value, v -> {
            constants.add(v);
            return DynamicConstantDesc.ofNamed(BSM_CLASS_DATA_AT, DEFAULT_NAME, type, constants.size() - 1);
        });
    }

    private static ClassDesc desc(Class<?> c) {
        return ClassDesc.of(c.getName());
    }
}
