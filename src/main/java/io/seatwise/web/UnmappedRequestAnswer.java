package io.seatwise.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;

/**
 * How a module with its own protocol (SCIM at {@code /scim/v2}) answers requests under its paths that reach no
 * controller of its (an unknown route, a method or content type no mapping takes), which {@link UnmappedApiRequests}
 * asks before anything else: such requests have no controller, so only one global advice can answer them.
 */
public interface UnmappedRequestAnswer {

    /** The answer to this unmapped request, or empty when the path is not this module's. */
    Optional<ResponseEntity<?>> answer(Exception e, HttpServletRequest request);
}
