package io.seatwise.access;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The console session's second-factor state. After a right password, someone who needs a second factor holds a
 * session marked "second factor pending": it reaches the code (or enrolment) page and signing out, nothing else,
 * until a code passes. The mark lives in the session (in the database), so every node sees it.
 */
public final class SecondFactorSession {

    static final String PENDING = "seatwise.mfa.pending";
    static final String FAILURES = "seatwise.mfa.failures";
    /** Wrong codes a pending session may send before it is signed out (the password must be given again). */
    public static final int MAX_FAILURES = 5;

    private SecondFactorSession() {
    }

    static void markPending(HttpServletRequest request) {
        request.getSession().setAttribute(PENDING, Boolean.TRUE);
    }

    public static boolean pending(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && Boolean.TRUE.equals(session.getAttribute(PENDING));
    }

    /** The code passed: the session becomes a full one, under a new id (as at any change of privilege). */
    public static void pass(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(PENDING);
            session.removeAttribute(FAILURES);
            request.changeSessionId();
        }
    }

    /** Counts a wrong code; true when the session has used up its tries. */
    public static boolean failed(HttpServletRequest request) {
        HttpSession session = request.getSession();
        Integer failures = (Integer) session.getAttribute(FAILURES);
        int now = failures == null ? 1 : failures + 1;
        session.setAttribute(FAILURES, now);
        return now >= MAX_FAILURES;
    }

    /** Keeps a pending session on the second-factor pages (a temporary password is replaced first, though). */
    static final class Gate extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            String path = request.getRequestURI().substring(request.getContextPath().length());
            boolean open = path.equals("/login/mfa") || path.startsWith("/login/mfa/") || path.equals("/logout")
                    || path.equals("/error") || path.startsWith("/webjars/") || path.startsWith("/css/")
                    || path.startsWith("/js/") || path.equals("/favicon.ico");
            boolean mustChangePassword = auth != null && auth.getAuthorities().stream()
                    .anyMatch(a -> AgentPrincipal.PASSWORD_CHANGE_REQUIRED.equals(a.getAuthority()));
            if (auth != null && !open && !mustChangePassword && pending(request)) {
                response.sendRedirect(request.getContextPath() + "/login/mfa");
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
