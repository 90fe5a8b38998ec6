package io.seatwise.access;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.seatwise.shared.CurrentActor;
import io.seatwise.shared.Ids;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The central half of tenant scoping (the services check it too, in {@code CustomersService.require}): a request of
 * an actor confined to one customer that names another customer in its path ({@code /api/v1/customers/{id}/…} or
 * the console's {@code /customers/{id}/…}) answers 404, as for an id that does not exist, before any controller
 * runs. So a new endpoint that forgets the service-level check still leaks nothing.
 */
final class TenantScope extends OncePerRequestFilter {

    private static final Pattern API = Pattern.compile("^/api/v1/customers/([^/]+)(?:/.*)?$");
    private static final Pattern CONSOLE = Pattern.compile("^/customers/([^/]+)(?:/.*)?$");

    private final Pattern pattern;
    private final boolean api;

    private TenantScope(Pattern pattern, boolean api) {
        this.pattern = pattern;
        this.api = api;
    }

    static TenantScope api() {
        return new TenantScope(API, true);
    }

    static TenantScope console() {
        return new TenantScope(CONSOLE, false);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<UUID> tenant = CurrentActor.tenant();
        if (tenant.isPresent()) {
            Matcher m = pattern.matcher(request.getRequestURI().substring(request.getContextPath().length()));
            if (m.matches() && !Ids.tryParse(m.group(1)).equals(tenant)) {
                if (api) {
                    ProblemResponses.write(response, 404, "not-found", "Not Found", "customer not found");
                } else {
                    response.sendError(HttpServletResponse.SC_NOT_FOUND);
                }
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
