package io.seatwise.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Tells htmx requests, which want a page's fragment, from ordinary ones, which want the whole page. */
public final class Htmx {

    private Htmx() {
    }

    /**
     * True when the request came from htmx and wants only a fragment. A history restore also carries
     * {@code HX-Request} but needs the full page, because htmx swaps it in as the whole body.
     */
    public static boolean wantsFragment(HttpServletRequest request, HttpServletResponse response) {
        // One URL answers with a page or a fragment, so caches must keep them apart.
        response.addHeader("Vary", "HX-Request");
        return "true".equals(request.getHeader("HX-Request"))
                && !"true".equals(request.getHeader("HX-History-Restore-Request"));
    }
}
