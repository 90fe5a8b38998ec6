package io.seatwise.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Skips PostgreSQL tests when no server answers, except under CI=true, where that is a failure. */
class PostgresCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String reason = Postgres.unavailableReason();
        if (reason == null) {
            return ConditionEvaluationResult.enabled("PostgreSQL available");
        }
        if (Postgres.required()) {
            throw new IllegalStateException("CI=true requires PostgreSQL, but it is not available: " + reason);
        }
        return ConditionEvaluationResult.disabled("SKIPPED: PostgreSQL not available (" + reason + ")");
    }
}
