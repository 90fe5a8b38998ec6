package io.seatwise.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A client of Seatwise instances over real HTTP, as a browser or a script behind a load balancer would be: one
 * cookie jar for every instance (cookies do not depend on the port), redirects not followed so that they can be
 * checked, and the API calls the tests need.
 */
public final class NodeHttp {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;

    public NodeHttp() {
        http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public CookieManager cookies() {
        return cookies;
    }

    public HttpResponse<String> get(URI url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(url).GET());
    }

    public HttpResponse<String> get(URI url, String bearer) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(url).header("Authorization", "Bearer " + bearer).GET());
    }

    /** A console form post, with the CSRF token its page carried. */
    public HttpResponse<String> postForm(URI url, Map<String, String> fields) throws IOException,
            InterruptedException {
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(url).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> postJson(URI url, String bearer, String json) throws IOException,
            InterruptedException {
        return send(HttpRequest.newBuilder(url).header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> delete(URI url, String bearer) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(url).header("Authorization", "Bearer " + bearer).DELETE());
    }

    /** An API token of an agent, made with HTTP Basic. */
    public String token(URI tokens, String email, String password) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> created = send(HttpRequest.newBuilder(tokens).header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"two nodes\"}")));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("token: " + created.statusCode() + " " + created.body());
        }
        return com.jayway.jsonpath.JsonPath.read(created.body(), "$.token");
    }

    /** A CSV file sent as multipart part {@code file}. */
    public HttpResponse<String> postCsv(URI url, String bearer, String fileName, byte[] csv) throws IOException,
            InterruptedException {
        String boundary = "seatwise-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(url).header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(java.util.List.of(head, csv, tail))));
    }

    /** The CSRF token of a console page's forms. */
    public static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token in the page");
        }
        return m.group(1);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
