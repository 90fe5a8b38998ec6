package io.seatwise.audit;

import org.springframework.security.authentication.AccountExpiredException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;

/**
 * Why a sign-in failed, as a stable code the console puts in words ({@code activity.reason.<code>}): the log keeps
 * no exception class names, which mean nothing to the people who read it.
 */
final class SignInFailureReason {

    static final String WRONG_PASSWORD = "wrong-password";
    static final String LOCKED = "locked";
    static final String DISABLED = "disabled";
    static final String PASSWORD_EXPIRED = "password-expired";
    static final String ACCOUNT_EXPIRED = "account-expired";
    static final String OTHER = "other";

    private SignInFailureReason() {
    }

    static String of(AuthenticationException e) {
        // Spring reports an unknown account as bad credentials too (it hides which accounts exist), so the words
        // for this code say "wrong password or unknown account".
        if (e instanceof BadCredentialsException) {
            return WRONG_PASSWORD;
        }
        if (e instanceof LockedException) {
            return LOCKED;
        }
        if (e instanceof DisabledException) {
            return DISABLED;
        }
        if (e instanceof CredentialsExpiredException) {
            return PASSWORD_EXPIRED;
        }
        if (e instanceof AccountExpiredException) {
            return ACCOUNT_EXPIRED;
        }
        return OTHER;
    }

    /** The code of a reason logged before codes: the simple name of the exception. */
    static String ofClassName(String simpleName) {
        return switch (simpleName) {
            case "BadCredentialsException", "UsernameNotFoundException" -> WRONG_PASSWORD;
            case "LockedException" -> LOCKED;
            case "DisabledException" -> DISABLED;
            case "CredentialsExpiredException" -> PASSWORD_EXPIRED;
            case "AccountExpiredException" -> ACCOUNT_EXPIRED;
            default -> OTHER;
        };
    }
}
