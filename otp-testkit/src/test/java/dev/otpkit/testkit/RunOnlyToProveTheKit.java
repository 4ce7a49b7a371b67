package dev.otpkit.testkit;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs the contracts of the deliberately broken stores ({@link BrokenStores}) only when
 * {@link KitCatchesBrokenStoresTest} runs them, expecting failures; anywhere else (an IDE's
 * "run all tests") they are skipped, saying why.
 */
final class RunOnlyToProveTheKit implements ExecutionCondition {
    /** The configuration parameter that KitCatchesBrokenStoresTest sets to {@code true}. */
    static final String PARAMETER = "otpkit.testkit.proveTheKit";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        boolean proving = context.getConfigurationParameter(PARAMETER).map(Boolean::parseBoolean).orElse(false);
        return proving ? ConditionEvaluationResult.enabled("proving that the kit catches a broken store")
                : ConditionEvaluationResult.disabled("a deliberately broken store, run by KitCatchesBrokenStoresTest");
    }
}
