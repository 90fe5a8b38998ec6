package io.seatwise.access;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * On the token endpoint, a password (HTTP Basic) is not enough for an account with a second factor: the current
 * code or a recovery code comes in {@code X-Seatwise-OTP}. Without it: 401 {@code mfa-required}; with a wrong or
 * used one: 401 {@code invalid-otp}. A bearer token is the non-interactive credential and needs no code.
 */
class SecondFactorTokenFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Seatwise-OTP";

    private final SecondFactors factors;

    SecondFactorTokenFilter(SecondFactors factors) {
        this.factors = factors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean basic = header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
        if (!basic || auth == null || !(auth.getPrincipal() instanceof UserDetails person)
                || mustChangePassword(person) || !factors.needed(person)) {
            chain.doFilter(request, response);
            return;
        }
        String code = request.getHeader(HEADER);
        if (code == null || code.isBlank()) {
            SecurityContextHolder.clearContext();
            ProblemResponses.write(response, 401, "mfa-required", "Second factor required",
                    factors.enrolled(person)
                            ? "Send the current code of your authenticator (or a recovery code) in " + HEADER + "."
                            : "Sign in to the console once to set up your second factor, then send its code in "
                                    + HEADER + ".");
            return;
        }
        CodeCheck check = factors.check(person, code, request.getRemoteAddr());
        if (check.locked()) {
            SecurityContextHolder.clearContext();
            SignInLockResponses.tooMany(response, "Too many wrong codes or failed sign-ins",
                    check.retryAfterSeconds());
            return;
        }
        if (!check.passed()) {
            SecurityContextHolder.clearContext();
            ProblemResponses.write(response, 401, "invalid-otp", "Wrong code",
                    "The code in " + HEADER + " is not correct, or it was already used.");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean mustChangePassword(UserDetails person) {
        return person.getAuthorities().stream()
                .anyMatch(a -> AgentPrincipal.PASSWORD_CHANGE_REQUIRED.equals(a.getAuthority()));
    }
}
