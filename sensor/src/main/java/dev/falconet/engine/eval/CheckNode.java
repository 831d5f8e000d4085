package dev.falconet.engine.eval;

import dev.falconet.engine.explain.ExplainNode;
import dev.falconet.engine.explain.FieldRead;
import dev.falconet.rules.ast.Pos;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One comparison: extract the left-hand value, then test it. A value that cannot be extracted
 * makes the check false for every operator, {@code !=} and {@code exists} included (Falco's rule).
 */
public final class CheckNode implements Node {

    /** How an extracted value meets the test. */
    public enum Mode {
        /** One value, tested as is (also: list fields, whose test takes the whole list). */
        ONE,
        /** A list of values: true when any passes (indexless ancestor fields, fd.ip and friends). */
        ANY,
        /** A list of values: true when none passes ({@code !=} on fd.ip and friends). */
        NONE
    }

    private final Getter lhs;
    private final ValueTest test;
    private final Mode mode;
    private final String text;
    private final String lhsText;
    private final Function<Object, String> render;
    private final Getter rhs;
    private final String rhsText;
    private final Pos pos;

    /**
     * @param lhs     the left-hand value
     * @param test    the comparison
     * @param mode    how a list value meets the test
     * @param text    the check as text
     * @param lhsText the left-hand side as text, for explanations
     * @param render  renders a value read (for explanations)
     * @param rhs     a right-hand field ({@code val()} or transformer) to report in explanations, or null
     * @param rhsText its text
     * @param pos     position in the condition
     */
    public CheckNode(Getter lhs, ValueTest test, Mode mode, String text, String lhsText, Function<Object, String> render,
                     Getter rhs, String rhsText, Pos pos) {
        this.lhs = lhs;
        this.test = test;
        this.mode = mode;
        this.text = text;
        this.lhsText = lhsText;
        this.render = render;
        this.rhs = rhs;
        this.rhsText = rhsText;
        this.pos = pos;
    }

    /** Reads the left-hand value. */
    public Getter lhs() {
        return lhs;
    }

    /** Tests one (non-null) left-hand value. */
    public ValueTest test() {
        return test;
    }

    public Mode mode() {
        return mode;
    }

    /** The left-hand side as written ({@code proc.aname[2]}, {@code tolower(fd.name)}). */
    public String lhsText() {
        return lhsText;
    }

    /** {@link Mode#ANY}: whether any non-null value of the list passes the test (generated evaluators call this). */
    public static boolean anyOf(List<?> values, ValueTest test, Frame e) {
        for (int i = 0, n = values.size(); i < n; i++) {
            Object x = values.get(i);
            if (x != null && test.test(x, e)) return true;
        }
        return false;
    }

    @Override
    public boolean eval(Frame e) {
        Object v = lhs.get(e);
        if (v == null) return false;
        return switch (mode) {
            case ONE -> test.test(v, e);
            case ANY -> any((List<?>) v, e);
            case NONE -> !any((List<?>) v, e);
        };
    }

    private boolean any(List<?> values, Frame e) {
        for (int i = 0, n = values.size(); i < n; i++) {
            Object x = values.get(i);
            if (x != null && test.test(x, e)) return true;
        }
        return false;
    }

    @Override
    public ExplainNode explain(Frame e) {
        Object v = lhs.get(e);
        List<FieldRead> reads = new ArrayList<>();
        reads.add(v == null ? new FieldRead(lhsText, null, "the field cannot be extracted for this event, so the check is false")
                : new FieldRead(lhsText, render.apply(v), null));
        if (rhs != null) {
            Object r = rhs.get(e);
            reads.add(r == null ? new FieldRead(rhsText, null, "the right-hand field cannot be extracted") : new FieldRead(rhsText, render.apply(r), null));
        }
        boolean result = v != null && eval(e);
        return new ExplainNode(ExplainNode.Kind.CHECK, text, result ? ExplainNode.Outcome.TRUE : ExplainNode.Outcome.FALSE,
                reads, List.of(), pos.line(), pos.column());
    }

    @Override
    public ExplainNode skipped() {
        return new ExplainNode(ExplainNode.Kind.CHECK, text, ExplainNode.Outcome.NOT_EVALUATED, List.of(), List.of(), pos.line(), pos.column());
    }
}
