package io.seatwise.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Uploads refused while the request is parsed, before any controller (so {@link ApiExceptionHandler} does not see
 * them): a file over {@code seatwise.limits.upload} is the API's {@code upload-too-large} problem, and a file name
 * Tomcat refuses its {@code invalid-file-name} problem. Tomcat checks an upload's file name as it parses: one with
 * NUL ended as a 500, and a part whose headers (in practice its file name) outgrow
 * {@code server.tomcat.max-part-header-size} as a 413 that blamed the upload's size. The API answers the same 400
 * problem as {@link io.seatwise.shared.CleanText#fileName}, which checks names that get through; the console its
 * 400 error page. Other failures, and an oversized upload outside the API, go on as before.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class UploadProblems {

    private final DataSize upload;

    UploadProblems(@Value("${seatwise.limits.upload:50MB}") DataSize upload) {
        this.upload = upload;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request,
            HttpServletResponse response) throws Exception {
        // Spring takes a part header over Tomcat's limit (a far too long file name) for a size problem
        if (invalidFileName(e)) {
            return multipart(e, request, response);
        }
        if (!ApiExceptionHandler.path(request).startsWith("/api/")) {
            throw e;
        }
        return ApiExceptionHandler.respond(ApiExceptionHandler.uploadTooLarge(upload.toBytes()));
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(MultipartException e, HttpServletRequest request,
            HttpServletResponse response) throws Exception {
        if (!invalidFileName(e)) {
            throw e;
        }
        if (!ApiExceptionHandler.path(request).startsWith("/api/")) {
            response.sendError(HttpStatus.BAD_REQUEST.value());
            return null;
        }
        ProblemDetail problem = ApiExceptionHandler.problem(HttpStatus.BAD_REQUEST, "invalid-file-name",
                "the file name contains a character that is not allowed, or is far too long");
        problem.setProperty("field", "file");
        return ApiExceptionHandler.respond(problem);
    }

    private static boolean invalidFileName(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            // Tomcat's own exceptions (its FileUpload fork), known by name to stay off its internals
            if (t.getClass().getSimpleName().equals("InvalidFileNameException") || (t.getMessage() != null
                    && t.getMessage().startsWith("Header section has more than"))) {
                return true;
            }
        }
        return false;
    }
}
