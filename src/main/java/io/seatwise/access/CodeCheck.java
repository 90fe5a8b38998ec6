package io.seatwise.access;

import java.time.Duration;

/**
 * What a second-factor step answered: passed, a wrong code, or refused unseen because the account (or the
 * address) is locked for {@code lockedFor}.
 */
public record CodeCheck(boolean passed, Duration lockedFor) {

    static final CodeCheck PASSED = new CodeCheck(true, null);
    static final CodeCheck WRONG = new CodeCheck(false, null);

    /** Whether the code was not even looked at: too many wrong codes or passwords before. */
    public boolean locked() {
        return lockedFor != null;
    }

    /** The wait in whole seconds, rounded up, at least 1 (as a locked password sign-in's). */
    public long retryAfterSeconds() {
        return SignInLockedException.wholeSeconds(lockedFor);
    }

    /** The wait in whole minutes, rounded up, at least 1. */
    public long retryAfterMinutes() {
        return SignInLockedException.wholeMinutes(lockedFor);
    }
}
