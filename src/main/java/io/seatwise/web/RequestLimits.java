package io.seatwise.web;

import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds every request body before anything reads it (architecture.md, "Every request is bounded"): a body that
 * says it is too long is refused with 413 at once, before sign-in and parsing; one sent without a length (chunked)
 * is cut off when it passes the limit, and the controller's parsing fails with {@link BodyTooLargeException} (413
 * too). JSON and form bodies: {@code seatwise.limits.json-body} (1 MiB), except the bulk endpoints that take up to
 * 100,000 user ids ({@code seatwise.limits.json-body-bulk}, 8 MiB: 100,000 ids are about 4 MB of JSON). Uploads
 * (multipart): {@code seatwise.limits.upload} (50 MB), which also bounds Spring's multipart parsing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class RequestLimits extends OncePerRequestFilter {

    /** The endpoints whose bodies are lists of up to 100,000 user ids. */
    private static final Pattern BULK = Pattern.compile(
            "^/api/v1/customers/[^/]+/(licenseupdates|licensesummary(/[^/]+/users)?|deletedusers/restore)$");

    private final long jsonBody;
    private final long jsonBodyBulk;
    private final DataSize upload;

    RequestLimits(@Value("${seatwise.limits.json-body:1MB}") DataSize jsonBody,
            @Value("${seatwise.limits.json-body-bulk:8MB}") DataSize jsonBodyBulk,
            @Value("${seatwise.limits.upload:50MB}") DataSize upload) {
        this.jsonBody = jsonBody.toBytes();
        this.jsonBodyBulk = jsonBodyBulk.toBytes();
        this.upload = upload;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        long length = request.getContentLengthLong();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (type.startsWith("multipart/")) {
            // Spring's multipart limits (set from the same property) catch a chunked upload while it is read
            if (length > upload.toBytes()) {
                refuse(request, response, path, "upload-too-large", "The file is larger than the "
                        + upload.toMegabytes() + " MB an import accepts.", upload.toBytes());
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        long limit = BULK.matcher(path).matches() ? jsonBodyBulk : jsonBody;
        if (length > limit) {
            refuse(request, response, path, "body-too-large", "The request body is larger than the "
                    + limit + " bytes this endpoint accepts.", limit);
            return;
        }
        // Without a length a body comes chunked; a request with neither has no body to bound
        boolean chunked = length < 0 && request.getHeader("Transfer-Encoding") != null;
        chain.doFilter(chunked ? new Bounded(request, limit) : request, response);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, String path, String type,
            String detail, long limit) throws IOException {
        // The client is still sending: say so and close, rather than read the rest of it
        response.setHeader("Connection", "close");
        if (!path.startsWith("/api/")) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"" + ApiExceptionHandler.TYPE_PREFIX + type
                + "\",\"title\":\"Content Too Large\",\"status\":413,\"detail\":\"" + detail
                + "\",\"limitBytes\":" + limit + "}");
    }

    /** Reading past the limit of a body sent without a length. */
    static final class BodyTooLargeException extends IOException {

        private final long limit;

        BodyTooLargeException(long limit) {
            super("the request body is larger than " + limit + " bytes");
            this.limit = limit;
        }

        long limit() {
            return limit;
        }
    }

    /** A request whose body stops with {@link BodyTooLargeException} once more than the limit is read. */
    private static final class Bounded extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        Bounded(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new BoundedStream(super.getInputStream(), limit);
            }
            return stream;
        }

        @Override
        public java.io.BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), encoding));
        }
    }

    /** A body stream that counts what is read and throws {@link BodyTooLargeException} past the limit. */
    private static final class BoundedStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long read;

        BoundedStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > limit) {
                throw new BodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
