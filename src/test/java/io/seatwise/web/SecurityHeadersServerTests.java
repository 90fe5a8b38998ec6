package io.seatwise.web;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.seatwise.access.Role;
import io.seatwise.access.TestAgents;
import io.seatwise.licensing.LicensingFixture;
import io.seatwise.licensing.LicensingFixture.Tenant;
import io.seatwise.support.H2ServerTest;
import io.seatwise.support.NodeHttp;
import io.seatwise.users.UserId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of answer, read over real HTTP from the real server (Tomcat's error dispatch included, which MockMvc
 * skips), carries the hardened-page headers: console pages of each module, htmx fragments, the sign-in page, error
 * pages, API answers and API errors, static assets. H2 only: this is about HTTP, not the database.
 */
@H2ServerTest
class SecurityHeadersServerTests {

    @LocalServerPort
    int port;
    @Autowired
    TestAgents agents;
    @Autowired
    LicensingFixture licensing;

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void everyKindOfAnswerCarriesTheHardenedPageHeaders() throws Exception {
        TestAgents.Signed admin = agents.create(Role.ADMIN);
        Tenant t = licensing.tenant("SE", LicensingFixture.E3, 5);
        UserId user = t.user("SE");
        String customer = "/customers/" + t.id();

        // Before sign-in: the sign-in page, a page that sends there, assets, health, the API description
        Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
        answers.put("sign-in page", get("/login", Map.of()));
        answers.put("redirect to sign-in", get(customer, Map.of()));
        answers.put("stylesheet", get("/css/console.css", Map.of()));
        answers.put("script", get("/js/console.js", Map.of()));
        answers.put("webjar", get("/webjars/htmx.org/dist/htmx.min.js", Map.of()));
        answers.put("health", get("/actuator/health", Map.of()));
        answers.put("API description", get("/v3/api-docs", Map.of()));

        // The API: an answer, a problem, no token at all, the token endpoint
        Map<String, String> bearer = Map.of("Authorization", admin.bearer());
        answers.put("API answer", get("/api/v1/customers", bearer));
        answers.put("API problem", get("/api/v1/customers/" + UUID.randomUUID(), bearer));
        answers.put("API without token", get("/api/v1/customers", Map.of()));
        answers.put("token endpoint without credentials", send(HttpRequest.newBuilder(url("/api/v1/tokens"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"))));

        // Signed in: a page of each module, an htmx fragment, error pages
        signIn(admin.email());
        for (String path : new String[] {"/customers", customer, customer + "/users", customer + "/users/" + user.value(),
                customer + "/users/new", customer + "/users/import", customer + "/users/deleted",
                customer + "/licensechanges", "/agents", "/activity", "/account/tokens", "/account/password"}) {
            answers.put(path, get(path, Map.of()));
        }
        answers.put("htmx fragment", get(customer + "/users?q=First", Map.of("HX-Request", "true")));
        Map<String, String> browser = Map.of("Accept", "text/html");
        answers.put("console 404 (unknown customer)", get("/customers/" + UUID.randomUUID(), browser));
        answers.put("console 404 (unknown path)", get("/no/such/page", browser));
        answers.put("console 400 (bad id)", get("/customers/not-an-id", browser));
        answers.put("404 for a client that is no browser", get("/no/such/page", Map.of()));
        answers.put("refused by the firewall", get("/customers/%2e%2e;x/agents", browser));

        for (Map.Entry<String, HttpResponse<String>> answer : answers.entrySet()) {
            HttpResponse<String> response = answer.getValue();
            String what = answer.getKey() + " (" + response.statusCode() + ")";
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(what)
                    .hasValue(SecurityHeaders.CONTENT_SECURITY_POLICY);
            assertThat(response.headers().firstValue("Referrer-Policy")).as(what).hasValue("same-origin");
            assertThat(response.headers().firstValue("Permissions-Policy")).as(what)
                    .hasValue(SecurityHeaders.PERMISSIONS_POLICY);
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).as(what).hasValue("DENY");
        }
        // The answers were what their names say
        assertThat(answers.get("sign-in page").statusCode()).isEqualTo(200);
        assertThat(answers.get("redirect to sign-in").statusCode()).isEqualTo(302);
        assertThat(answers.get("webjar").statusCode()).isEqualTo(200);
        assertThat(answers.get("API answer").statusCode()).isEqualTo(200);
        assertThat(answers.get("API problem").statusCode()).isEqualTo(404);
        assertThat(answers.get("API without token").statusCode()).isEqualTo(401);
        assertThat(answers.get("token endpoint without credentials").statusCode()).isEqualTo(401);
        assertThat(answers.get("/agents").statusCode()).isEqualTo(200);
        assertThat(answers.get("/activity").statusCode()).isEqualTo(200);
        assertThat(answers.get(customer + "/users/import").statusCode()).isEqualTo(200);
        assertThat(answers.get("htmx fragment").body()).doesNotContain("<html");
        assertThat(answers.get("console 404 (unknown path)").statusCode()).isEqualTo(404);
        assertThat(answers.get("console 404 (unknown path)").body()).contains("<html");
        assertThat(answers.get("404 for a client that is no browser").statusCode()).isEqualTo(404);
        assertThat(answers.get("refused by the firewall").statusCode()).isEqualTo(400);
    }

    @Test
    void thePolicyAllowsNoInlineScriptNoEvalAndNoFraming() {
        String csp = SecurityHeaders.CONTENT_SECURITY_POLICY;
        assertThat(csp).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval").doesNotContain("*")
                .contains("script-src 'self'").contains("style-src 'self'").contains("frame-ancestors 'none'")
                .contains("object-src 'none'").contains("base-uri 'none'");
        assertThat(SecurityHeaders.PERMISSIONS_POLICY).contains("camera=()", "microphone=()", "geolocation=()",
                "payment=()", "usb=()");
    }

    @Test
    void noPageCarriesAnInlineScriptHandlerOrStyleAttribute() throws Exception {
        TestAgents.Signed admin = agents.create(Role.ADMIN);
        Tenant t = licensing.tenant("SE", LicensingFixture.E3, 5);
        t.users(3, "SE");
        signIn(admin.email());
        String customer = "/customers/" + t.id();
        for (String path : new String[] {"/customers", customer, customer + "/users", customer + "/users/new",
                customer + "/users/import", "/agents", "/activity", "/account/tokens", "/account/password"}) {
            String page = get(path, Map.of()).body();
            assertThat(page).as(path).doesNotContainPattern("<script(?![^>]*\\ssrc=)")
                    .doesNotContainPattern("\\son[a-z]+=").doesNotContainPattern("\\sstyle=")
                    .doesNotContain("javascript:").doesNotContain("hx-on").doesNotContain("<style")
                    .contains("<meta name=\"htmx-config\"");
        }
    }

    private void signIn(String email) throws Exception {
        String login = get("/login", Map.of()).body();
        String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(TestAgents.PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + NodeHttp.csrf(login);
        HttpResponse<String> signedIn = send(HttpRequest.newBuilder(url("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        assertThat(signedIn.headers().firstValue("Content-Security-Policy"))
                .hasValue(SecurityHeaders.CONTENT_SECURITY_POLICY);
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).GET();
        headers.forEach(request::header);
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
