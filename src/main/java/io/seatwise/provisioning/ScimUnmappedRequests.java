package io.seatwise.provisioning;

import java.util.Optional;

import io.seatwise.web.UnmappedRequestAnswer;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;

/**
 * Requests under {@code /scim/v2} that reach no controller: an unknown path is a 404, a method the path does not
 * take 405 (with {@code Allow}), a body type other than {@code application/scim+json} or {@code application/json}
 * 415; each a SCIM error, as RFC 7644 §3.12 wants every error of the protocol.
 */
@Component
class ScimUnmappedRequests implements UnmappedRequestAnswer {

    @Override
    public Optional<ResponseEntity<?>> answer(Exception e, HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.equals("/scim/v2") && !path.startsWith("/scim/v2/")) {
            return Optional.empty();
        }
        return Optional.of(error(e));
    }

    /** The SCIM error of a request no mapping takes. */
    static ResponseEntity<ScimError> error(Exception e) {
        if (e instanceof HttpRequestMethodNotSupportedException m) {
            ResponseEntity<ScimError> error = ScimError.response(405, null, "This endpoint does not take "
                    + m.getMethod() + (m.getSupportedMethods() == null ? ""
                            : "; it takes " + String.join(", ", m.getSupportedMethods())));
            return ResponseEntity.status(405).headers(error.getHeaders()).headers(m.getHeaders()).body(error.getBody());
        }
        if (e instanceof HttpMediaTypeNotSupportedException m) {
            return ScimError.response(415, null, "Send application/scim+json or application/json, not "
                    + m.getContentType());
        }
        int status = e instanceof ErrorResponse r ? r.getStatusCode().value() : 404;
        return ScimError.response(status, null, status == 404 ? "No such SCIM endpoint; this service provider offers"
                + " /Users, /ServiceProviderConfig, /ResourceTypes and /Schemas." : e.getMessage());
    }
}
