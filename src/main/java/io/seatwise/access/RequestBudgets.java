package io.seatwise.access;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * The API's rate limits for another module's own bearer tokens (named interface {@code access::limits}): a valid
 * token's request counts against that token's budget, a refused one's against its source address, with the same
 * rules and {@code RateLimit-*} headers as the REST API. The caller says how a 429 is written.
 */
@Component
@NamedInterface("limits")
public class RequestBudgets {

    /** Writes a refusal (429) in the caller's error format; {@code detail} says when to try again. */
    @FunctionalInterface
    public interface Refusal {
        void write(HttpServletResponse response, int status, String detail) throws IOException;
    }

    private final RateLimiter limiter;

    RequestBudgets(RateLimiter limiter) {
        this.limiter = limiter;
    }

    /** Counts a request of the token whose hash is {@code tokenHash}; false when refused (429 written). */
    public boolean admitToken(HttpServletRequest request, HttpServletResponse response, String tokenHash,
            Refusal refusal) throws IOException {
        return limiter.admit(request, response, RateLimiter.Kind.TOKEN, tokenHash, refusal);
    }

    /**
     * Counts a request of the provisioning (SCIM) token whose hash is {@code tokenHash} against its own budget, sized
     * for an identity provider's pace rather than an API client's; false when refused (429 written).
     */
    public boolean admitProvisioningToken(HttpServletRequest request, HttpServletResponse response, String tokenHash,
            Refusal refusal) throws IOException {
        return limiter.admit(request, response, RateLimiter.Kind.PROVISIONING, tokenHash, refusal);
    }

    /** Counts a request no valid token identifies against its source address; false when refused (429 written). */
    public boolean admitAddress(HttpServletRequest request, HttpServletResponse response, Refusal refusal)
            throws IOException {
        return limiter.admit(request, response, RateLimiter.Kind.ADDRESS, RateLimitFilter.address(request), refusal);
    }
}
