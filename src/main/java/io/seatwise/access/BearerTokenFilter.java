package io.seatwise.access;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>} as the agent or customer administrator that owns it, read
 * afresh on each request; a wrong token, or one whose owner is disabled, blocked or deleted, answers 401 at once.
 * A valid token's request is counted against that token's rate limit; a wrong one's against its source address
 * (a made-up token never gets a budget of its own).
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokenService tokens;
    private final RateLimiter limiter;

    BearerTokenFilter(ApiTokenService tokens, RateLimiter limiter) {
        this.tokens = tokens;
        this.limiter = limiter;
    }

    /** The bearer token the request carries, or null. */
    static String bearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).strip();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = bearer(request);
        if (token == null) {
            chain.doFilter(request, response);
            return;
        }
        var principal = tokens.authenticate(token);
        if (principal.isEmpty()) {
            if (limiter.admit(request, response, RateLimiter.Kind.ADDRESS, RateLimitFilter.address(request))) {
                ProblemResponses.write(response, 401, "unauthorized", "Unauthorized",
                        "The bearer token is not valid, or it was revoked.");
            }
            return;
        }
        if (!limiter.admit(request, response, RateLimiter.Kind.TOKEN, ApiTokenService.hash(token))) {
            return;
        }
        var authentication = UsernamePasswordAuthenticationToken.authenticated(principal.get(), null,
                principal.get().getAuthorities());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
