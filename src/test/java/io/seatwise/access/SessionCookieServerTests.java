package io.seatwise.access;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.seatwise.support.H2ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.CookieSerializer.CookieValue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's session cookie as the real server writes it (Spring Session's serializer, behind Tomcat's
 * RemoteIpValve): HttpOnly and SameSite=Lax always, Secure exactly when the request came over HTTPS, directly or
 * through a trusted proxy's {@code X-Forwarded-Proto}. H2 only: this is about HTTP, not the database.
 */
@H2ServerTest
class SessionCookieServerTests {

    @LocalServerPort
    int port;
    @Autowired
    CookieSerializer serializer;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    static String sessionCookie(HttpResponse<?> response) {
        List<String> cookies = response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("SESSION=")).toList();
        assertThat(cookies).as("Set-Cookie: SESSION").hasSize(1);
        return cookies.get(0);
    }

    static List<String> attributes(String cookie) {
        return List.of(cookie.split(";\\s*")).stream().skip(1).map(String::toLowerCase).toList();
    }

    HttpResponse<String> signInPage(Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).GET();
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void overPlainHttpTheCookieIsHttpOnlyAndLaxButNotSecure() throws Exception {
        List<String> cookie = attributes(sessionCookie(signInPage(Map.of())));
        assertThat(cookie).contains("httponly", "samesite=lax", "path=/").doesNotContain("secure");
    }

    @Test
    void behindAProxyThatSaysHttpsTheCookieIsSecureToo() throws Exception {
        // The test client connects from 127.0.0.1, one of Tomcat's default internal proxies
        HttpResponse<String> page = signInPage(Map.of("X-Forwarded-Proto", "https"));
        assertThat(attributes(sessionCookie(page))).contains("secure", "httponly", "samesite=lax");
        // ... and the request counts as HTTPS throughout: Spring Security adds HSTS, only ever sent over HTTPS
        assertThat(page.headers().firstValue("Strict-Transport-Security")).isPresent();
        assertThat(signInPage(Map.of()).headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void aProxyThatSaysHttpIsBelieved() throws Exception {
        assertThat(attributes(sessionCookie(signInPage(Map.of("X-Forwarded-Proto", "http")))))
                .doesNotContain("secure");
    }

    @Test
    void aRequestThatIsSecureItselfGetsASecureCookie() {
        // As on an HTTPS connector: the serializer the application uses, given a secure request
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setSecure(true);
        MockHttpServletResponse response = new MockHttpServletResponse();
        serializer.writeCookieValue(new CookieValue(request, response, "abc"));
        assertThat(attributes(response.getHeader("Set-Cookie"))).contains("secure", "httponly", "samesite=lax");

        MockHttpServletRequest plain = new MockHttpServletRequest();
        MockHttpServletResponse plainResponse = new MockHttpServletResponse();
        serializer.writeCookieValue(new CookieValue(plain, plainResponse, "abc"));
        assertThat(attributes(plainResponse.getHeader("Set-Cookie"))).doesNotContain("secure")
                .contains("httponly", "samesite=lax");
    }
}
