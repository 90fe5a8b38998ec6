package io.seatwise.access;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

/** RFC 9457 problem documents written by the security filters, before any controller runs. */
final class ProblemResponses {

    static final String TYPE_PREFIX = "urn:seatwise:problem:";

    private ProblemResponses() {
    }

    static void write(HttpServletResponse response, int status, String type, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.getWriter().write("{\"type\":\"" + TYPE_PREFIX + type + "\",\"title\":\"" + title
                + "\",\"status\":" + status + ",\"detail\":\"" + detail.replace("\"", "'") + "\"}");
    }
}
