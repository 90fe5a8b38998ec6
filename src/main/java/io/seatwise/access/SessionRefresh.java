package io.seatwise.access;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A console session holds a copy of the agent or customer user taken at sign-in. On every request this re-reads
 * it: a disabled agent, or a blocked or deleted customer user, is signed out at once, and a changed role (or a
 * replaced temporary password) takes effect at once. A session that signed in before its account's "sessions valid
 * after" moment (SessionEnding) is signed out too.
 */
class SessionRefresh extends OncePerRequestFilter {

    private final AgentRepository agents;
    private final CustomerSignIn customerUsers;
    private final SessionEnding ending;

    SessionRefresh(AgentRepository agents, CustomerSignIn customerUsers, SessionEnding ending) {
        this.agents = agents;
        this.customerUsers = customerUsers;
        this.ending = ending;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof AgentPrincipal signedIn) {
            var current = agents.credentials(signedIn.agent().email()).orElse(null);
            if (current == null || !current.agent().enabled()) {
                signOut(request, response, "disabled");
                return;
            }
            if (ended(request, signedIn)) {
                signOut(request, response, "ended");
                return;
            }
            if (current.agent().role() != signedIn.agent().role()
                    || current.agent().mustChangePassword() != signedIn.agent().mustChangePassword()) {
                replace(request, new AgentPrincipal(current.agent(), null, current.passwordExpiresAt()));
            }
        } else if (auth != null && auth.getPrincipal() instanceof CustomerUserPrincipal signedIn) {
            var current = customerUsers.current(signedIn.customerId(), signedIn.userId()).orElse(null);
            if (current == null || !current.isEnabled()) {
                signOut(request, response, "blocked");
                return;
            }
            if (ended(request, signedIn)) {
                signOut(request, response, "ended");
                return;
            }
            if (!signedIn.sameAs(current)) {
                replace(request, current);
            }
        }
        chain.doFilter(request, response);
    }

    private boolean ended(HttpServletRequest request, UserDetails signedIn) {
        HttpSession session = request.getSession(false);
        return session != null
                && SessionStamp.startedBefore(session, ending.validAfter(signedIn).orElse(null));
    }

    private static void signOut(HttpServletRequest request, HttpServletResponse response, String why)
            throws IOException {
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        response.sendRedirect(request.getContextPath() + "/login?" + why);
    }

    private static void replace(HttpServletRequest request, UserDetails fresh) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(fresh, null,
                fresh.getAuthorities()));
        SecurityContextHolder.setContext(context);
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        }
    }
}
