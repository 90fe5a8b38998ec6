package io.seatwise.web;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;

import io.seatwise.shared.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.StreamReadException;

/**
 * Maps every error of the API's controllers to RFC 9457 problem details with a stable {@code type}
 * ({@code urn:seatwise:problem:<name>}) and, where known, the offending {@code field}. Bad input is never a 500.
 * Requests under {@code /api/} that reach no controller are answered alike by {@link UnmappedApiRequests}, and
 * uploads refused while the request is parsed by {@link UploadProblems}.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    static final String TYPE_PREFIX = "urn:seatwise:problem:";
    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final DataSize upload;

    ApiExceptionHandler(@Value("${seatwise.limits.upload:50MB}") DataSize upload) {
        this.upload = upload;
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> domain(DomainException e) {
        HttpStatus status = switch (e.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case INVALID -> HttpStatus.BAD_REQUEST;
            case CONFLICT -> HttpStatus.CONFLICT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case TOO_MANY -> HttpStatus.TOO_MANY_REQUESTS;
        };
        ProblemDetail problem = problem(status, e.type(), e.getMessage());
        if (e.field() != null) {
            problem.setProperty("field", e.field());
        }
        e.properties().forEach(problem::setProperty);
        Object retryAfter = e.properties().get(DomainException.RETRY_AFTER);
        if (retryAfter != null) {
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .header(HttpHeaders.RETRY_AFTER, retryAfter.toString()).body(problem);
        }
        return respond(problem);
    }

    @ExceptionHandler({AuthorizationDeniedException.class, AccessDeniedException.class})
    ResponseEntity<ProblemDetail> denied(RuntimeException e) {
        return respond(problem(HttpStatus.FORBIDDEN, "forbidden", "Your role does not allow this."));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation",
                "'" + e.getValue() + "' is not a valid value for " + e.getName());
        problem.setProperty("field", e.getName());
        return respond(problem);
    }

    /** A deadlock or lock timeout between concurrent changes: nothing was changed and a retry will do. */
    @ExceptionHandler(PessimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> busy(PessimisticLockingFailureException e) {
        log.info("Concurrent change refused: {}", e.getMostSpecificCause().getMessage());
        return respond(problem(HttpStatus.SERVICE_UNAVAILABLE, "busy",
                "Another change to the same data ran at the same moment; nothing was changed. Try again."));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e) {
        log.info("Refused by a database constraint: {}", e.getMostSpecificCause().getMessage());
        return respond(problem(HttpStatus.CONFLICT, "conflict",
                "The change conflicts with the current data and was not made."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected error", e);
        return respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "An unexpected error occurred."));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestLimits.BodyTooLargeException tooLarge) {
                return new ResponseEntity<>(bodyTooLarge(tooLarge.limit()), problemHeaders(),
                        HttpStatus.CONTENT_TOO_LARGE);
            }
        }
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "malformed-request",
                "The request body is missing or is not valid JSON of the expected shape.");
        if (e.getCause() instanceof JacksonException json) {
            String duplicate = duplicateKey(json);
            if (duplicate != null) {
                problem = problem(HttpStatus.BAD_REQUEST, "duplicate-key",
                        "The key '" + duplicate + "' is given more than once; give each key once.");
                problem.setProperty("field", duplicate);
                return new ResponseEntity<>(problem, problemHeaders(), HttpStatus.BAD_REQUEST);
            }
            String field = fieldPath(json);
            if (!field.isEmpty()) {
                problem.setProperty("field", field);
                problem.setDetail("The value of '" + field + "' has the wrong type or format.");
            }
        }
        return new ResponseEntity<>(problem, problemHeaders(), HttpStatus.BAD_REQUEST);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem
                && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(URI.create(TYPE_PREFIX + "http-" + statusCode.value()));
        }
        return response;
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return new ResponseEntity<>(uploadTooLarge(upload.toBytes()), problemHeaders(), HttpStatus.CONTENT_TOO_LARGE);
    }

    static ProblemDetail bodyTooLarge(long limit) {
        ProblemDetail problem = problem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large",
                "The request body is larger than the " + limit + " bytes this endpoint accepts.");
        problem.setProperty("limitBytes", limit);
        return problem;
    }

    /** Spring's multipart limits are set from {@code seatwise.limits.upload}: that is the limit to tell. */
    static ProblemDetail uploadTooLarge(long limit) {
        ProblemDetail problem = problem(HttpStatus.CONTENT_TOO_LARGE, "upload-too-large",
                "The file is larger than the " + limit / (1024 * 1024) + " MB an import accepts.");
        problem.setProperty("limitBytes", limit);
        return problem;
    }

    /**
     * The key given twice ({@code StreamReadFeature.STRICT_DUPLICATE_DETECTION}, see {@link StrictJson}), as a
     * path ({@code licensesToAssign[0].skuId}); null for another error. The parser still knows where it stopped.
     */
    private static String duplicateKey(JacksonException e) {
        String message = e.getOriginalMessage();
        if (!(e instanceof StreamReadException) || !(e.processor() instanceof JsonParser parser) || message == null
                || !message.startsWith("Duplicate Object property")) {
            return null;
        }
        Deque<TokenStreamContext> contexts = new ArrayDeque<>();
        for (TokenStreamContext c = parser.streamReadContext(); c != null && !c.inRoot(); c = c.getParent()) {
            contexts.addFirst(c);
        }
        StringBuilder path = new StringBuilder();
        for (TokenStreamContext c : contexts) {
            if (c.inArray()) {
                path.append('[').append(Math.max(0, c.getCurrentIndex())).append(']');
            } else if (c.currentName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(c.currentName());
            }
        }
        return path.toString();
    }

    private static String fieldPath(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    static ProblemDetail problem(HttpStatus status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + type));
        return problem;
    }

    private static HttpHeaders problemHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return headers;
    }

    /** The request's path within the application. */
    static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
