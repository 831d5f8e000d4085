package dev.falconet.engine.eval;

import dev.falconet.engine.explain.ExplainNode;

/**
 * A check that can never be true, such as {@code evt.num=0} (event numbers start at 1): the
 * {@code never_true} idiom behind Falco's {@code user_known_*} tuning macros. It evaluates like the
 * check it wraps (explanations show it as written), and folds to false when the index specialises
 * rules, which removes every {@code and not user_known_...} placeholder from the hot path.
 */
public final class NeverTrueNode implements Node {
    private final Node check;

    public NeverTrueNode(Node check) {
        this.check = check;
    }

    @Override
    public boolean eval(Frame f) {
        return false;
    }

    @Override
    public Node specialize(int eventType) {
        return ConstNode.FALSE;
    }

    @Override
    public ExplainNode explain(Frame f) {
        return check.explain(f);
    }

    @Override
    public ExplainNode skipped() {
        return check.skipped();
    }
}
