package io.seatwise.provisioning;

import java.io.IOException;
import java.util.List;

import io.seatwise.access.RequestBudgets;
import io.seatwise.shared.BearerSecrets;
import io.seatwise.shared.CurrentActor;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <SCIM token>} on {@code /scim/v2/**} as a {@link ScimPrincipal} with
 * authorities {@link #AUTHORITY}, its customer's {@code tenant:<id>} (so customer-scoped services confine it to
 * that customer) and the permissions provisioning uses ({@link #authentication}). A valid token's request counts
 * against that token's rate limit; anything else (no header, an API token, a revoked or made-up token) against the
 * source address, and a wrong token answers 401 at once.
 */
class ScimTokenFilter extends OncePerRequestFilter {

    /** Held by a request authenticated with a SCIM token, and by nothing else. */
    static final String AUTHORITY = "scim:provision";

    private final ScimTokens tokens;
    private final RequestBudgets budgets;

    ScimTokenFilter(ScimTokens tokens, RequestBudgets budgets) {
        this.tokens = tokens;
        this.budgets = budgets;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = bearer(request);
        var principal = token == null ? java.util.Optional.<ScimPrincipal>empty() : tokens.authenticate(token);
        if (principal.isEmpty()) {
            if (!budgets.admitAddress(request, response, ScimError::write)) {
                return;
            }
            if (token != null) {
                ScimError.write(response, 401, "The bearer token is not a valid SCIM provisioning token, or it was"
                        + " revoked.");
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        if (!budgets.admitProvisioningToken(request, response, BearerSecrets.hash(token), ScimError::write)) {
            return;
        }
        ScimPrincipal scim = principal.get();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication(scim));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /**
     * How a SCIM token's request is authenticated: {@link #AUTHORITY}, its customer's tenant, and what provisioning
     * does through the other modules' services (read the customer's subscriptions, read and write its users and
     * their licenses). The tenant confines every customer-scoped service to the token's customer, and no other
     * filter chain than {@code /scim/v2}'s knows SCIM tokens, so these authorities are used there only. The module's
     * tests act as a token through it.
     */
    static UsernamePasswordAuthenticationToken authentication(ScimPrincipal scim) {
        return UsernamePasswordAuthenticationToken.authenticated(scim, null, List.of(
                new SimpleGrantedAuthority(AUTHORITY),
                new SimpleGrantedAuthority(CurrentActor.TENANT_PREFIX + scim.customerId().value()),
                new SimpleGrantedAuthority("customers:read"), new SimpleGrantedAuthority("users:read"),
                new SimpleGrantedAuthority("users:write")));
    }

    private static String bearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).strip();
    }
}
