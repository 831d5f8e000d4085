package dev.falconet.app.ui;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.api.FxToolkit;

/**
 * Skips UI tests, with the reason, when JavaFX cannot start here: neither Monocle's headless
 * platform (the Surefire configuration) nor a display works. Tried once per JVM.
 */
public final class FxAvailable implements ExecutionCondition {
    private static volatile String problem;
    private static volatile boolean tried;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        synchronized (FxAvailable.class) {
            if (!tried) {
                tried = true;
                try {
                    FxToolkit.toolkitContext().setLaunchTimeoutInMillis(TimeUnit.SECONDS.toMillis(20));
                    FxToolkit.registerPrimaryStage();
                } catch (Throwable t) {
                    problem = t.getClass().getSimpleName() + ": " + t.getMessage();
                }
            }
        }
        return problem == null ? ConditionEvaluationResult.enabled("JavaFX started")
                : ConditionEvaluationResult.disabled("JavaFX cannot start here (no Monocle, no display): " + problem);
    }
}
