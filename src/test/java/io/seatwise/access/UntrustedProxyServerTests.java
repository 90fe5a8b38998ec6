package io.seatwise.access;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forwarded headers count only from a trusted proxy: here the only trusted proxy is 192.0.2.1 (a documentation
 * address), so the test client on 127.0.0.1 is an ordinary client whose {@code X-Forwarded-Proto} is ignored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1", "server.tomcat.remoteip.internal-proxies=192\\.0\\.2\\.1" })
@ActiveProfiles("test")
class UntrustedProxyServerTests {

    @LocalServerPort
    int port;

    @Test
    void aClientThatIsNoTrustedProxyCannotClaimHttps() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("X-Forwarded-Proto", "https").GET().build(), HttpResponse.BodyHandlers.ofString());
        String cookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION="))
                .findFirst().orElseThrow();
        assertThat(SessionCookieServerTests.attributes(cookie)).doesNotContain("secure")
                .contains("httponly", "samesite=lax");
        assertThat(page.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }
}
