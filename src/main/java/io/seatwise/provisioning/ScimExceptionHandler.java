package io.seatwise.provisioning;

import io.seatwise.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestValueException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Every error of the SCIM controllers as RFC 7644 §3.12's {@link ScimError} in {@code application/scim+json}, before
 * the API's problem details (which would otherwise take every {@code @RestController}): {@link ScimException} as it
 * says, a filter's {@link ScimFilterException} as 400 with its {@code scimType}, the users module's
 * {@link DomainException} by kind (not found 404, invalid 400 {@code invalidValue}, conflict 409
 * {@code uniqueness}, forbidden 403), unreadable JSON 400 {@code invalidSyntax}, anything unforeseen 500 (logged).
 * Requests that reach no SCIM controller are answered alike by {@link ScimUnmappedRequests}.
 */
@RestControllerAdvice(assignableTypes = { ScimUsersController.class, ScimDiscoveryController.class,
        ScimRolesController.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class ScimExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ScimExceptionHandler.class);

    @ExceptionHandler(ScimException.class)
    ResponseEntity<ScimError> scim(ScimException e) {
        return ScimError.response(e.status(), e.scimType(), e.detail());
    }

    @ExceptionHandler(ScimFilterException.class)
    ResponseEntity<ScimError> filter(ScimFilterException e) {
        return ScimError.response(400, e.scimType(), e.getMessage());
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ScimError> domain(DomainException e) {
        return switch (e.kind()) {
            case NOT_FOUND -> ScimError.response(404, null, e.getMessage());
            case INVALID -> ScimError.response(400, "invalidValue", e.getMessage());
            case CONFLICT -> ScimError.response(409, "uniqueness", e.getMessage());
            case FORBIDDEN -> ScimError.response(403, null, e.getMessage());
            case TOO_MANY -> ScimError.response(429, null, e.getMessage());
        };
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ScimError> unreadable(HttpMessageNotReadableException e) {
        return ScimError.response(400, "invalidSyntax", "The request body is not valid JSON: "
                + firstLine(e.getMostSpecificCause().getMessage()));
    }

    @ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingRequestValueException.class })
    ResponseEntity<ScimError> badParameter(Exception e) {
        return ScimError.response(400, "invalidValue", e.getMessage());
    }

    @ExceptionHandler({ AuthorizationDeniedException.class, AccessDeniedException.class })
    ResponseEntity<ScimError> denied(RuntimeException e) {
        return ScimError.response(403, null, "This SCIM token may not do this.");
    }

    @ExceptionHandler({ HttpRequestMethodNotSupportedException.class, HttpMediaTypeNotSupportedException.class,
            HttpMediaTypeNotAcceptableException.class })
    ResponseEntity<ScimError> protocol(Exception e) {
        return ScimUnmappedRequests.error(e);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ScimError> unexpected(Exception e) {
        log.error("SCIM request failed", e);
        return ScimError.response(500, null, "The server failed to answer this request.");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
