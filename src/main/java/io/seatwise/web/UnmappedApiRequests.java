package io.seatwise.web;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Requests under {@code /api/} that reach no controller: an unknown route, a method or content type no mapping
 * takes. No {@code @RestController} is involved, so {@link ApiExceptionHandler} does not see them; without this
 * they would end as a bare status (or the console's error page). They get the same problem details, typed
 * {@code http-<status>}. A module with its own protocol answers its own paths first ({@link UnmappedRequestAnswer}:
 * SCIM's errors under {@code /scim/v2}). Other paths are left to the console.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class UnmappedApiRequests {

    private final List<UnmappedRequestAnswer> answers;

    UnmappedApiRequests(List<UnmappedRequestAnswer> answers) {
        this.answers = answers;
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class,
            HttpRequestMethodNotSupportedException.class, HttpMediaTypeNotSupportedException.class})
    ResponseEntity<?> unmapped(Exception e, HttpServletRequest request) throws Exception {
        for (UnmappedRequestAnswer answer : answers) {
            Optional<ResponseEntity<?>> answered = answer.answer(e, request);
            if (answered.isPresent()) {
                return answered.get();
            }
        }
        if (!ApiExceptionHandler.path(request).startsWith("/api/") || !(e instanceof ErrorResponse error)) {
            throw e;
        }
        ProblemDetail problem = error.getBody();
        problem.setType(URI.create(ApiExceptionHandler.TYPE_PREFIX + "http-" + error.getStatusCode().value()));
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(error.getHeaders());
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(problem, headers, error.getStatusCode());
    }
}
