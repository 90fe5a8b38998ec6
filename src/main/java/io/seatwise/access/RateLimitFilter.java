package io.seatwise.access;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts each request that no API token identifies: a signed-in console person's against its own budget, anything
 * else (HTTP Basic and form sign-in, unauthenticated calls) against its source address's, before any password is
 * checked. On the API's chains, requests with a bearer token are counted by {@link BearerTokenFilter}, which knows
 * the token; the console's chain has no bearer filter and ignores the header, so there every request is counted
 * here (else a made-up {@code Authorization: Bearer} header would take sign-in attempts out of the address's budget).
 * Static assets and health checks are not counted: a page loads several assets at once, and a load balancer probes
 * health from one address.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final RateLimiter limiter;
    private final boolean bearerCountedElsewhere;

    /** @param bearerCountedElsewhere whether the chain's {@link BearerTokenFilter} counts requests with a token */
    RateLimitFilter(RateLimiter limiter, boolean bearerCountedElsewhere) {
        this.limiter = limiter;
        this.bearerCountedElsewhere = bearerCountedElsewhere;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/webjars/") || path.startsWith("/css/") || path.startsWith("/js/")
                || path.equals("/favicon.ico") || path.equals("/actuator/health")
                || path.startsWith("/actuator/health/")
                || bearerCountedElsewhere && BearerTokenFilter.bearer(request) != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean admitted;
        if (auth != null && auth.getPrincipal() instanceof AgentPrincipal agent) {
            admitted = limiter.admit(request, response, RateLimiter.Kind.PERSON, "agent:" + agent.agent().id());
        } else if (auth != null && auth.getPrincipal() instanceof CustomerUserPrincipal user) {
            admitted = limiter.admit(request, response, RateLimiter.Kind.PERSON, "user:" + user.userId());
        } else {
            admitted = limiter.admit(request, response, RateLimiter.Kind.ADDRESS, address(request));
        }
        if (admitted) {
            chain.doFilter(request, response);
        }
    }

    /**
     * The client's address as the server sees it (behind a proxy, set server.forward-headers-strategy so that it is
     * the client's and not the proxy's). IPv6 counts by /64, the block one subscriber gets, so that a client cannot
     * spread a flood over the addresses of its own block.
     */
    static String address(HttpServletRequest request) {
        return address(request.getRemoteAddr());
    }

    /** As {@link #address(HttpServletRequest)}, from the address as the request gave it. */
    static String address(String remote) {
        if (remote == null || remote.indexOf(':') < 0) {
            return remote == null ? "unknown" : remote;
        }
        int zone = remote.indexOf('%');
        String literal = zone < 0 ? remote : remote.substring(0, zone);
        if (!IPV6.matcher(literal).matches()) {
            return remote.length() > 100 ? remote.substring(0, 100) : remote;
        }
        try {
            // only hex digits, colons and dots: parsed as a literal, never looked up as a name
            byte[] bytes = InetAddress.getByName(literal).getAddress();
            if (bytes.length == 16) {
                return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
            }
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            return remote.length() > 100 ? remote.substring(0, 100) : remote;
        }
    }
}
