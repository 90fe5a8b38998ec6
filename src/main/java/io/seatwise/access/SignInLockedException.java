package io.seatwise.access;

import java.time.Duration;

import org.springframework.security.authentication.LockedException;

/**
 * A sign-in refused, before any password check, because its account name or its address failed too often lately.
 * It says nothing of whether the account exists; {@link #retryAfter} is when to try again.
 */
class SignInLockedException extends LockedException {

    private final Duration retryAfter;

    SignInLockedException(Duration retryAfter) {
        super("Too many failed sign-ins");
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds to wait, rounded up, at least one (the Retry-After header's value). */
    long retryAfterSeconds() {
        return wholeSeconds(retryAfter);
    }

    /** Whole minutes to wait, rounded up, at least one (what the console says). */
    long retryAfterMinutes() {
        return wholeMinutes(retryAfter);
    }

    /** A wait in whole seconds, rounded up, at least one. */
    static long wholeSeconds(Duration wait) {
        return Math.max(1, wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0));
    }

    /** A wait in whole minutes, rounded up, at least one. */
    static long wholeMinutes(Duration wait) {
        return (wholeSeconds(wait) + 59) / 60;
    }
}
