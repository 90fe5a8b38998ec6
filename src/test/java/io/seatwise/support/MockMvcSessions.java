package io.seatwise.support;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.session.web.http.HttpSessionIdResolver;
import org.springframework.web.util.WebUtils;

/**
 * Console sessions live in the database (Spring Session JDBC) in the tests too, so every console test through
 * MockMvc stores and reads its session there, serialised. MockMvc tests carry a session from one request to the next
 * as a {@code MockHttpSession} rather than as a cookie: this resolver lets that mock session stand for the client's
 * session cookie (it holds the database session's id), beside the real cookie, which it still reads and writes.
 */
@TestConfiguration(proxyBeanMethods = false)
public class MockMvcSessions {

    static final String SESSION_ID = MockMvcSessions.class.getName() + ".id";

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
