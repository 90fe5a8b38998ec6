package io.seatwise.access;

import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * What a sign-in refused by a lock (SignInLockedException) answers: 429 with {@code Retry-After} in the API, a message
 * on the console's sign-in page. Both say the same whether or not the account exists.
 */
final class SignInLockResponses {

    private SignInLockResponses() {
    }

    /** The API's answer to a failed HTTP Basic sign-in: 429 for a lock, else {@code otherwise}'s. */
    static AuthenticationEntryPoint api(AuthenticationEntryPoint otherwise) {
        return (request, response, e) -> {
            if (e instanceof SignInLockedException locked) {
                tooMany(response, "Too many failed sign-ins", locked.retryAfterSeconds());
            } else {
                otherwise.commence(request, response, e);
            }
        };
    }

    /** The console's: back to the sign-in page, which says how many minutes to wait ({@code ?locked=N}). */
    static AuthenticationFailureHandler console() {
        SimpleUrlAuthenticationFailureHandler wrongPassword = new SimpleUrlAuthenticationFailureHandler("/login?error");
        return (request, response, e) -> {
            if (e instanceof SignInLockedException locked) {
                response.sendRedirect(request.getContextPath() + "/login?locked=" + locked.retryAfterMinutes());
            } else {
                wrongPassword.onAuthenticationFailure(request, response, e);
            }
        };
    }

    /** 429 {@code sign-in-locked} with {@code Retry-After}: "{what} for this name or from this address". */
    static void tooMany(jakarta.servlet.http.HttpServletResponse response, String what, long seconds)
            throws java.io.IOException {
        response.setHeader("Retry-After", Long.toString(seconds));
        ProblemResponses.write(response, 429, "sign-in-locked", "Too Many Requests",
                what + " for this name or from this address. Try again in " + seconds + " s.");
    }
}
