package io.seatwise.support;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.session.web.http.HttpSessionIdResolver;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.WebUtils;

/**
 * Console sessions live in the database (Spring Session JDBC) in the tests too, so every console test through
 * MockMvc stores and reads its session there, serialised. MockMvc tests carry a session from one request to the next
 * as a {@code MockHttpSession} rather than as a cookie, and some put attributes in it ({@code flashAttrs}) or read
 * them from it (a selection): here that mock session stands for the client's session cookie (it holds the database
 * session's id, beside the real cookie, which is still read and written), and mirrors the database session — what
 * the test put in it is stored in the database before the request, and after it the mock session holds what the
 * database then holds, read back from it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class MockMvcSessions {

    static final String SESSION_ID = MockMvcSessions.class.getName() + ".id";
    /** The values last copied from the database into the mock session, to tell them from what a test put there. */
    static final String MIRRORED = MockMvcSessions.class.getName() + ".mirrored";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> mockSessionMirror(SessionRepository<?> sessions) {
        @SuppressWarnings("unchecked")
        SessionRepository<Session> repository = (SessionRepository<Session>) sessions;
        OncePerRequestFilter mirror = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                toDatabase(repository, carrier(request, false));
                chain.doFilter(request, response);
                fromDatabase(repository, carrier(request, false));
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(mirror);
        // Around Spring Session's filter, which commits the session to the database when the request ends
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        return registration;
    }

    /** Stores in the database what the test put in the mock session itself (not what was mirrored into it). */
    private static void toDatabase(SessionRepository<Session> repository, HttpSession carrier) {
        if (carrier == null) {
            return;
        }
        Map<?, ?> mirrored = carrier.getAttribute(MIRRORED) instanceof Map<?, ?> m ? m : Map.of();
        List<String> given = Collections.list(carrier.getAttributeNames()).stream()
                .filter(name -> !name.equals(SESSION_ID) && !name.equals(MIRRORED))
                .filter(name -> carrier.getAttribute(name) != mirrored.get(name)).toList();
        if (given.isEmpty()) {
            return;
        }
        Session stored = carrier.getAttribute(SESSION_ID) instanceof String id ? repository.findById(id) : null;
        if (stored == null) {
            stored = repository.createSession();
        }
        for (String name : given) {
            stored.setAttribute(name, carrier.getAttribute(name));
        }
        repository.save(stored);
        carrier.setAttribute(SESSION_ID, stored.getId());
    }

    /** Makes the mock session hold what the database session holds now, read back from the database. */
    private static void fromDatabase(SessionRepository<Session> repository, HttpSession carrier) {
        if (carrier == null) {
            return;
        }
        for (String name : Collections.list(carrier.getAttributeNames())) {
            if (!name.equals(SESSION_ID)) {
                carrier.removeAttribute(name);
            }
        }
        Session stored = carrier.getAttribute(SESSION_ID) instanceof String id ? repository.findById(id) : null;
        Map<String, Object> mirrored = new HashMap<>();
        if (stored != null) {
            stored.getAttributeNames().forEach(name -> mirrored.put(name, stored.getAttribute(name)));
        }
        mirrored.forEach(carrier::setAttribute);
        carrier.setAttribute(MIRRORED, mirrored);
    }

    @Bean
    HttpSessionIdResolver httpSessionIdResolver() {
        CookieHttpSessionIdResolver cookies = new CookieHttpSessionIdResolver();
        DefaultCookieSerializer serializer = new DefaultCookieSerializer();
        serializer.setSameSite("Lax");
        cookies.setCookieSerializer(serializer);
        return new HttpSessionIdResolver() {

            @Override
            public List<String> resolveSessionIds(HttpServletRequest request) {
                List<String> ids = new ArrayList<>(cookies.resolveSessionIds(request));
                HttpSession carrier = carrier(request, false);
                if (carrier != null && carrier.getAttribute(SESSION_ID) instanceof String id && !ids.contains(id)) {
                    ids.add(id);
                }
                return ids;
            }

            @Override
            public void setSessionId(HttpServletRequest request, HttpServletResponse response, String sessionId) {
                cookies.setSessionId(request, response, sessionId);
                HttpSession carrier = carrier(request, true);
                if (carrier != null) {
                    carrier.setAttribute(SESSION_ID, sessionId);
                }
            }

            @Override
            public void expireSession(HttpServletRequest request, HttpServletResponse response) {
                cookies.expireSession(request, response);
                HttpSession carrier = carrier(request, false);
                if (carrier != null) {
                    carrier.removeAttribute(SESSION_ID);
                }
            }
        };
    }

    /** The MockMvc request's own session (under Spring Session's wrapper), which the test passes along. */
    private static HttpSession carrier(HttpServletRequest request, boolean create) {
        MockHttpServletRequest mock = WebUtils.getNativeRequest(request, MockHttpServletRequest.class);
        return mock == null ? null : mock.getSession(create);
    }
}
