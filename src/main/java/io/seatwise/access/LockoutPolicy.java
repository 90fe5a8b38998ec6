package io.seatwise.access;

import java.time.Duration;
import java.time.Instant;

/**
 * When failed sign-ins make a subject (an account name or a source address) wait, after Keycloak's brute-force
 * detection: below {@code maxFailures} failures nothing happens; the failure that reaches it starts a wait of
 * {@code waitIncrement}, and each further failure (once that wait is over) doubles it, up to {@code maxWait}, the
 * longest temporary lock. Failures are forgotten once none came for {@code failureReset}.
 */
record LockoutPolicy(int maxFailures, Duration waitIncrement, Duration maxWait, Duration failureReset) {

    /** Past this many doublings the wait is maxWait anyway; the cap keeps the shift from overflowing. */
    private static final int MAX_DOUBLINGS = 30;

    LockoutPolicy {
        if (maxFailures < 1 || waitIncrement.isNegative() || waitIncrement.isZero() || maxWait.compareTo(waitIncrement) < 0
                || failureReset.isNegative() || failureReset.isZero()) {
            throw new IllegalArgumentException("a lockout needs max-failures >= 1, a wait increment > 0, a max wait"
                    + " >= the increment and a failure reset time > 0: " + this);
        }
    }

    /** How long a subject waits after its {@code failures}-th failure in a row (zero: it may try again at once). */
    Duration waitAfter(int failures) {
        if (failures < maxFailures) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - maxFailures, MAX_DOUBLINGS);
        Duration wait = waitIncrement.multipliedBy(1L << doublings);
        return wait.compareTo(maxWait) > 0 ? maxWait : wait;
    }

    /** The failures counted so far, or none when the last one is older than the reset time. */
    int counted(int failures, Instant lastFailure, Instant now) {
        return lastFailure == null || lastFailure.plus(failureReset).isBefore(now) ? 0 : failures;
    }
}
